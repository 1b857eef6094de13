/**
 * Lengths of text that several features accept, so that the same kind of text has the same limit everywhere.
 * A feature's own fields keep their limits beside their form.
 */

/** The name of a person or an organisation. */
export const NAME_MAX = 200;

/** A narrative of social value: how a commitment will be delivered, or what was delivered. */
export const NARRATIVE_MAX = 4000;

/** A reason, a note or a question given with a decision (a rating, a variation, a query, an award). */
export const REASON_MAX = 2000;

import { inArray, Param, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { buildMatcher, matchColumns, MIN_TOKEN } from './matcher.js';
import { matchingName } from './names.js';
import { directoryOrganisationsLike, rowsOf } from './repository.js';

interface Waiting {
  id: string;
  name: string;
  companyNumber: string | null;
  charityNumber: string | null;
  status: 'unmatched' | 'review';
  candidateId: string | null;
  candidateScore: number | null;
}

/**
 * Patterns of a name in lower case that a name sharing a word with one of these names must have: each word of the name
 * for matching, found inside it ("&" stands for "and" there).
 */
function wordPatterns(names: readonly string[]): string[] {
  const words = new Set(names.flatMap((name) => matchingName(name).split(' ')).filter((word) => word.length >= MIN_TOKEN));
  return [...words].flatMap((word) => (word === 'and' ? ['%and%', '%&%'] : [`%${word}%`]));
}

/** The pattern of a name in lower case that a name the same for matching must have: its words in order ("and" may be "&"). */
function namePattern(name: string): string {
  return `%${matchingName(name)
    .split(' ')
    .filter((word) => word !== 'and')
    .join('%')}%`.replace(/%+/g, '%');
}

/**
 * Matches again the suppliers in spend and grants files that are unmatched or waiting for review, and that nobody has
 * decided about, once these organisations were added to the directory or their name or registration numbers changed:
 * a supplier that now matches by number or name becomes matched, one whose most similar name changed gets its new
 * candidate for review. Incremental: only the suppliers that share a number or a word with these organisations (or
 * were their candidates) are looked at, and only against the organisations they could be matched to (these ones, and
 * those that share a number, a word or their name with them), which the database finds; the rest of the directory is
 * not read. Runs in the caller's transaction, so the figures move with
 * the change (the triggers of migration "spend_maintenance") and the changes are in its audit event. Redacted payments
 * and people's decisions are left alone; so are suppliers already matched.
 */
export async function rematchSpendSuppliers(tx: Tx, organisationIds: readonly string[]): Promise<number> {
  if (!organisationIds.length) return 0;
  const changed = await tx
    .select({ name: organisations.name, companiesHouseNumber: organisations.companiesHouseNumber, charityNumber: organisations.charityNumber })
    .from(organisations)
    .where(inArray(organisations.id, [...organisationIds]));
  const companyNumbers = changed.flatMap((o) => (o.companiesHouseNumber ? [o.companiesHouseNumber] : []));
  const charityNumbers = changed.flatMap((o) => (o.charityNumber ? [o.charityNumber] : []));
  const waiting = rowsOf<Waiting>(
    await tx.execute(sql`
      select id, name, company_number as "companyNumber", charity_number as "charityNumber", status,
             candidate_id as "candidateId", candidate_score as "candidateScore"
      from spend_suppliers
      where status in ('unmatched', 'review') and decided_at is null
        and (company_number = any(${new Param(companyNumbers)}::text[])
          or charity_number = any(${new Param(charityNumbers)}::text[])
          or candidate_id = any(${new Param([...organisationIds])}::uuid[])
          or name_key like any(${new Param(wordPatterns(changed.map((o) => o.name)))}::text[]))
      for update`),
  );
  if (!waiting.length) return 0;
  // Everything matching compares a supplier with: organisations with its numbers, its name, or a word of it.
  const rivals = await directoryOrganisationsLike(tx, {
    ids: organisationIds,
    companyNumbers: waiting.flatMap((s) => (s.companyNumber ? [s.companyNumber] : [])),
    charityNumbers: waiting.flatMap((s) => (s.charityNumber ? [s.charityNumber] : [])),
    namePatterns: [...wordPatterns(waiting.map((s) => s.name)), ...new Set(waiting.map((s) => namePattern(s.name)))],
  });
  const matcher = buildMatcher(rivals);
  const changes = waiting.flatMap((supplier) => {
    const next = { id: supplier.id, ...matchColumns(matcher.match(supplier)) };
    const same = next.status === supplier.status && next.candidateId === supplier.candidateId && next.candidateScore === supplier.candidateScore;
    return same ? [] : [next];
  });
  if (!changes.length) return 0;
  const column = <T>(get: (c: (typeof changes)[number]) => T) => new Param(changes.map(get));
  await tx.execute(sql`
    update spend_suppliers s
    set status = c.status, organisation_id = c.organisation_id, matched_by = c.matched_by,
        candidate_id = c.candidate_id, candidate_score = c.candidate_score
    from unnest(
      ${column((c) => c.id)}::uuid[], ${column((c) => c.status)}::text[], ${column((c) => c.organisationId)}::uuid[],
      ${column((c) => c.matchedBy)}::text[], ${column((c) => c.candidateId)}::uuid[], ${column((c) => c.candidateScore)}::int[]
    ) as c(id, status, organisation_id, matched_by, candidate_id, candidate_score)
    where s.id = c.id and s.decided_at is null`);
  return changes.length;
}

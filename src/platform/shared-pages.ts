import type { FastifyReply } from 'fastify';

/** Where to go instead, or back to. */
export interface PageLink {
  href: string;
  text: string;
}

/** What cannot be done now, and why (views/refused.njk). */
export interface Refusal {
  heading: string;
  paragraphs: string[];
  /** a bulleted list after the first paragraph, which introduces it */
  list?: string[];
  /** the caption above the heading: what the page is about ("Tender 12: Home care") */
  caption?: string;
  link: PageLink;
  backLink?: { href: string; text?: string };
}

/** Says that something cannot be done, why, and where to go: status 409 (a conflict with the record's state) unless given. */
export function refusedPage(reply: FastifyReply, refusal: Refusal, status = 409): FastifyReply {
  return reply.code(status).page('refused.njk', { pageTitle: refusal.heading, ...refusal });
}

/** Are you sure? (views/confirm.njk): what will happen, and a button that posts to `action` with the CSRF token. */
export interface Confirmation {
  pageTitle: string;
  backLink?: { href: string; text?: string };
  caption?: string;
  heading: string;
  paragraphs: string[];
  /** a warning (GOV.UK warning text), such as "You cannot undo this." */
  warning?: string;
  action: string;
  buttonText: string;
  /** a red button, for a change that removes or cannot be undone */
  danger?: boolean;
  cancelHref: string;
}

/** The check before a change. A page with more to say renders its own template that extends confirm.njk. */
export function confirmPage(reply: FastifyReply, confirmation: Confirmation): FastifyReply {
  return reply.page('confirm.njk', { ...confirmation });
}

import type { FastifyRequest } from 'fastify';
import { field } from './forms.js';

/**
 * Success banners after a change (post, redirect, get): the POST redirects to a page whose address names what was
 * done (`?done=saved`), and that page shows the message the key names. A key that names no message shows nothing,
 * so nobody can put their own words in a banner through the address.
 */

/** The key a change left in the address it redirected to (`?done=<key>`), or '' when there is none. */
export function doneKey(request: FastifyRequest): string {
  return field(request.query, 'done');
}

/** `path` with `done=<key>` added to its query, before any `#fragment`: where to send the browser after a change. */
export function withDone(path: string, key: string): string {
  const hash = path.indexOf('#');
  const base = hash < 0 ? path : path.slice(0, hash);
  const fragment = hash < 0 ? '' : path.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}done=${encodeURIComponent(key)}${fragment}`;
}

export interface FlashMessages<K extends string, M> {
  /** The messages by key, to spread into a larger set. */
  readonly messages: Readonly<Record<K, M>>;
  /** The message a key names, or undefined when it names none. */
  lookup(key: string): M | undefined;
  /** The message named by the request's `?done=`, or undefined. */
  of(request: FastifyRequest): M | undefined;
  /** `path?done=<key>` (see withDone), for one of these keys only. */
  path(path: string, key: K): string;
}

/**
 * A page's (or a feature's) banners by key. A message is usually a string; it may be anything the page turns into
 * one, such as a function of the record shown.
 *
 *   const flash = flashMessages({ saved: 'Change saved', removed: 'Question removed' });
 *   reply.redirect(flash.path(`/tenders/${id}`, 'saved'), 303);   // POST
 *   reply.page('...', { flash: flash.of(request) });                // GET
 */
export function flashMessages<const T extends Record<string, unknown>>(messages: T): FlashMessages<Extract<keyof T, string>, T[keyof T]> {
  type Key = Extract<keyof T, string>;
  const lookup = (key: string): T[Key] | undefined => (Object.hasOwn(messages, key) ? messages[key as Key] : undefined);
  return {
    messages: messages as Record<Key, T[Key]>,
    lookup,
    of: (request) => lookup(doneKey(request)),
    path: (path, key) => withDone(path, key),
  };
}

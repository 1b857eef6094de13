import { apiScopes, type ApiScope } from '../../db/schema/index.js';
import { field } from '../../platform/forms.js';

export type TokenForm = { ok: true; name: string; scope: ApiScope } | { ok: false; values: { name: string; scope: string }; problems: [string, string][] };

/** The new token form: a name that says who uses it and why, and a scope. */
export function readTokenForm(body: unknown): TokenForm {
  const values = { name: field(body, 'name').trim(), scope: field(body, 'scope') };
  const problems: [string, string][] = [];
  if (!values.name) problems.push(['name', 'Enter a name that says who will use the token, like "Open data portal"']);
  else if (values.name.length > 100) problems.push(['name', 'Name must be 100 characters or fewer']);
  const scope = apiScopes.find((s) => s === values.scope);
  if (!scope) problems.push(['scope', 'Select what the token may read']);
  return scope && !problems.length ? { ok: true, name: values.name, scope } : { ok: false, values, problems };
}

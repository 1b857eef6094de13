import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../helpers/app.js';
import type { Client } from '../helpers/app.js';

/** Creates a token as an administrator through the admin page and reads it from the page it is shown on, once. */
export async function createTokenAs(admin: Client, name: string, scope: 'public' | 'staff'): Promise<string> {
  await admin.get('/admin/api-tokens');
  const response = await admin.post('/admin/api-tokens', { name, scope });
  if (response.statusCode !== 201) throw new Error(`creating a token failed with ${response.statusCode}`);
  const token = /id="token" type="text" value="([^"]+)"/.exec(response.body)?.[1];
  if (!token) throw new Error('the token is not on the page');
  return token;
}

/** A GET of the API with a bearer token (or none) and any other headers. */
export async function apiGet(t: TestApp, url: string, token?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

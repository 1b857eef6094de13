// Helpers for benchmarks that run the service in this process (app.inject) on an embedded database.
import { DEMO_PASSWORD } from '../dist/seed/demo.js';

const median = (times) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

/**
 * The median milliseconds of `n` calls of each of two functions, called in turn (a, b, a, b ...) after five warm-up
 * calls each, so that a busy machine slows both alike.
 */
export async function timeInTurn(n, a, b) {
  for (let i = 0; i < 5; i++) {
    await a();
    await b();
  }
  const times = { a: [], b: [] };
  for (let i = 0; i < n; i++) {
    for (const [key, fn] of [
      ['a', a],
      ['b', b],
    ]) {
      const started = performance.now();
      await fn();
      times[key].push(performance.now() - started);
    }
  }
  return { a: median(times.a), b: median(times.b) };
}

/** Signs a demo user in through the sign-in form and returns the cookie header of their session. */
export async function signedInCookie(app, email) {
  const page = await app.inject('/sign-in');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)[1];
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const signIn = await app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email, password: DEMO_PASSWORD }).toString(),
  });
  if (signIn.statusCode !== 302 && signIn.statusCode !== 303) throw new Error(`signing in ${email} answered ${signIn.statusCode}`);
  return signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

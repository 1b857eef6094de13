// The pages whose throughput the benchmark compares with the same template on a bare Fastify route.
import { DEMO_PASSWORD } from '../dist/seed/demo.js';

function cookiesOf(response) {
  return (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** Signs in through the real form and returns the session cookie header. */
export async function signInCookie(base, email) {
  const page = await fetch(`${base}/sign-in`);
  const csrfCookie = cookiesOf(page);
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ _csrf: token, email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  return cookiesOf(response);
}

export const benchPages = {
  'sign-in': {
    label: 'Sign-in page',
    template: 'auth/views/sign-in.njk',
    path: '/sign-in',
    user: null,
    context: async () => ({ pageTitle: 'Sign in', values: { email: '' }, next: '/' }),
    appPath: async () => '/sign-in',
  },
};

async function activeVersionId(db) {
  const { frameworkVersions } = await import('../dist/db/schema/index.js');
  const { eq } = await import('drizzle-orm');
  const [version] = await db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, 'active'));
  return version.id;
}

const admin = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'admin@council.example',
  name: 'Asha Patel',
  roles: ['admin'],
  organisationId: '00000000-0000-4000-8000-000000000001',
  organisationName: 'Leicestershire County Council',
  organisationKind: 'council',
};

benchPages.framework = {
  label: 'Framework version page (signed in, 48 measures)',
  template: 'framework/views/version.njk',
  path: '/framework/x',
  user: admin,
  context: async (db) => {
    const { loadVersionPage } = await import('../dist/features/framework/load-version-page.js');
    return loadVersionPage(db, await activeVersionId(db), admin);
  },
  appPath: async (base, headers) => {
    const list = await (await fetch(`${base}/framework`, { headers })).text();
    return /href="(\/framework\/[0-9a-f-]{36})"/.exec(list)[1];
  },
};

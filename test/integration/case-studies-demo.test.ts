import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStudies, caseStudyCommitments } from '../../src/db/schema/index.js';
import { formatPounds } from '../../src/domain/money.js';
import { formatQuantity } from '../../src/domain/quantity.js';
import { commitmentFigures } from '../../src/features/summaries/read.js';
import { seedIfEmpty } from '../../src/seed/demo.js';
import { Client, createTestApp, type TestApp } from '../helpers/app.js';
import { databaseKinds } from '../helpers/databases.js';

describe.each(databaseKinds)('the demo case study on %s', (kind) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(kind, { seed: false });
    expect(await seedIfEmpty(t.services.database.db)).toBe(true);
  });
  afterAll(async () => t?.close());

  it('is published on a published contract, with figures from its verified delivery', async () => {
    const db = t.services.database.db;
    const [demo] = await db.select().from(caseStudies);
    expect(demo!.status).toBe('published');
    const chosen = await db.select({ id: caseStudyCommitments.commitmentId }).from(caseStudyCommitments).where(eq(caseStudyCommitments.caseStudyId, demo!.id));
    const figures = await commitmentFigures(
      db,
      chosen.map((c) => c.id),
    );
    expect([...figures.values()].map((f) => f.verifiedHundredths).sort((a, b) => a - b)).toEqual([5_200, 11_600, 12_500]);

    const anonymous = new Client(t.app);
    const library = await anonymous.get('/transparency/case-studies?q=apprenticeship');
    expect(library.body).toContain('Trees, hedges and apprentices along the River Soar');
    const page = await anonymous.get(`/transparency/case-studies/${demo!.id}`);
    expect(page.statusCode).toBe(200);
    for (const f of figures.values()) expect(page.body).toContain(`${formatQuantity(f.verifiedHundredths)} <span class="govuk-body-s">`);
    const valued = [...figures.values()].filter((f) => f.verifiedPence > 0);
    expect(valued).toHaveLength(1); // volunteering hours have a proxy value; trees and apprenticeship weeks do not
    expect(page.body).toContain(formatPounds(valued[0]!.verifiedPence));
    expect(page.body).toContain('Figures last updated');
    expect((await anonymous.get('/transparency/contracts')).body).toContain('Grounds maintenance of council green spaces in Charnwood');
  });
});

import { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { todayIso } from '../../domain/dates.js';
import { commitmentsOf, contractsAfter, deliveredOf, type Visibility } from '../open-data/contract-data.js';
import { contractRelease, OGL_LICENCE, ocdsExtensions, type ReleaseContext } from './release.js';
import { groupBy } from '../../platform/group-by.js';

/**
 * Contracts read per query while the package streams: memory stays flat however many contracts there are. A batch
 * holds its contracts' commitments and every verified line (a county contract has about a hundred), so it is small.
 */
const BATCH = 25;

/** The council publishing the data: the buyer of every contract. */
async function councilBuyer(db: DbOrTx): Promise<ReleaseContext['buyer']> {
  const [council] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.kind, 'council'))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return council ?? { id: 'council', name: 'The council' };
}

/** Every visible contract's release, a batch of contracts at a time, in id order. */
export async function* contractReleases(db: DbOrTx, visibility: Visibility, context: ReleaseContext): AsyncGenerator<Record<string, unknown>> {
  let after: string | null = null;
  for (;;) {
    const batch = await contractsAfter(db, visibility, after, BATCH);
    if (!batch.length) return;
    const ids = batch.map((c) => c.id);
    const commitments = groupBy(await commitmentsOf(db, ids), (c) => c.contractId);
    const delivered = groupBy(await deliveredOf(db, ids), (d) => d.contractId);
    for (const contract of batch) yield contractRelease(contract, commitments.get(contract.id) ?? [], delivered.get(contract.id) ?? [], context);
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * An OCDS 1.1 release package of the published contracts, as a stream of JSON text: the package's fields, then
 * the releases one by one as they are read, so that 20,000 contracts never sit in memory at once.
 */
export function releasePackageStream(db: DbOrTx, options: { baseUrl: string; ocidPrefix: string; now?: Date }): Readable {
  const now = options.now ?? new Date();
  async function* text(): AsyncGenerator<string> {
    const buyer = await councilBuyer(db);
    const head = {
      uri: `${options.baseUrl}/transparency/ocds.json`,
      version: '1.1',
      extensions: ocdsExtensions,
      publishedDate: now.toISOString(),
      publisher: { name: buyer.name },
      license: OGL_LICENCE,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"releases":[`;
    let first = true;
    for await (const release of contractReleases(db, 'published', { ocidPrefix: options.ocidPrefix, buyer, today: todayIso(now) })) {
      yield `${first ? '' : ','}\n${JSON.stringify(release)}`;
      first = false;
    }
    yield '\n]}\n';
  }
  return Readable.from(text());
}

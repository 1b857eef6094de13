import type { DbOrTx } from '../../db/client.js';
import { cachedRead } from '../../db/read-cache.js';
import { byDistrictPart, byOutcomePart, contractTotalsPart, readParts, totalPart } from '../summaries/read.js';

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10000) / whole) : null);

/**
 * The figures of the transparency site's overview, published contracts only, from the summaries in one query:
 * headline figures, contract totals with the shares with SME, VCSE and local suppliers, outcomes and districts. They are
 * kept until the next write, as the dashboard's are (read-cache.ts).
 */
export function overviewFigures(db: DbOrTx) {
  return cachedRead(db, 'transparency:overview', () => readOverview(db));
}

async function readOverview(db: DbOrTx) {
  const scope = { scope: 'published' as const };
  const { figures, totals, outcomes, districts } = await readParts(db, {
    figures: totalPart(scope),
    totals: contractTotalsPart(scope),
    outcomes: byOutcomePart(scope),
    districts: byDistrictPart(scope),
  });
  const shares = {
    sme: share(totals.smeValuePence, totals.sizeKnownValuePence),
    vcse: share(totals.vcseValuePence, totals.valuePence),
    local: share(totals.localValuePence, totals.valuePence),
  };
  return { figures, totals, shares, outcomes, districts };
}

import path from 'node:path';
import nunjucks from 'nunjucks';
import { bidderName } from '../domain/bidders.js';
import { formatDate, formatDateTime } from '../domain/dates.js';
import { formatBps, formatPounds } from '../domain/money.js';
import { projectRoot, srcDir } from './paths.js';

export const SERVICE_NAME = 'Social value';
export const COUNCIL_NAME = 'Leicestershire County Council';

/** One Nunjucks environment: layouts in platform/views, each feature's templates under features/<name>/views. */
export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(
      [path.join(srcDir, 'platform/views'), path.join(srcDir, 'features'), path.join(projectRoot, 'node_modules/govuk-frontend/dist')],
      { noCache: false },
    ),
    { autoescape: true, throwOnUndefined: false },
  );
  env.addFilter('pounds', (pence: number | null | undefined) => (pence === null || pence === undefined ? '' : formatPounds(Number(pence))));
  env.addFilter('bidder', bidderName);
  env.addFilter('date', formatDate);
  env.addFilter('datetime', formatDateTime);
  env.addFilter('percent', (bps: number | null | undefined) => (bps === null || bps === undefined ? '' : formatBps(bps)));
  env.addFilter('number', (n: number | null | undefined) => (n === null || n === undefined ? '' : Number(n).toLocaleString('en-GB')));
  env.addGlobal('serviceName', SERVICE_NAME);
  env.addGlobal('councilName', COUNCIL_NAME);
  return env;
}

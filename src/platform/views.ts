import path from 'node:path';
import nunjucks from 'nunjucks';
import { bidderName } from '../domain/bidders.js';
import { formatDate, formatDateTime } from '../domain/dates.js';
import { formatBps, formatPounds } from '../domain/money.js';
import { projectRoot, srcDir } from './paths.js';

export const SERVICE_NAME = 'Social value';
export const COUNCIL_NAME = 'Leicestershire County Council';

/**
 * A field's error message for a GOV.UK macro, or nothing when the field has no error:
 * `govukInput({ ..., errorMessage: fieldError(errors, "title") })`. `errors` is formErrors().errors (forms.ts).
 */
export function fieldError(errors: Record<string, string> | null | undefined, name: string): { text: string } | undefined {
  const text = errors && Object.hasOwn(errors, name) ? errors[name] : undefined;
  return text ? { text } : undefined;
}

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
  env.addGlobal('fieldError', fieldError);
  env.addGlobal('serviceName', SERVICE_NAME);
  env.addGlobal('councilName', COUNCIL_NAME);
  return env;
}

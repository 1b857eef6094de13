// Builds the browser assets into public/: the stylesheet (GOV.UK Frontend with the council's colours and a
// system font), GOV.UK Frontend's JavaScript, the favicon; each also stored gzip- and brotli-compressed.
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'public');
const govuk = path.join(root, 'node_modules/govuk-frontend/dist');
mkdirSync(out, { recursive: true });

const css = sass.compile(path.join(root, 'src/platform/assets/app.scss'), {
  loadPaths: [govuk],
  style: 'compressed',
  quietDeps: true,
});
writeFileSync(path.join(out, 'app.css'), css.css);
copyFileSync(path.join(govuk, 'govuk/govuk-frontend.min.js'), path.join(out, 'govuk-frontend.min.js'));
copyFileSync(path.join(root, 'src/platform/assets/app.mjs'), path.join(out, 'app.mjs'));
copyFileSync(path.join(root, 'src/platform/assets/favicon.svg'), path.join(out, 'favicon.svg'));

for (const name of ['app.css', 'govuk-frontend.min.js', 'app.mjs', 'favicon.svg']) {
  const body = readFileSync(path.join(out, name));
  writeFileSync(path.join(out, `${name}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(path.join(out, `${name}.br`), brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}
console.log(`assets built in ${path.relative(root, out)}/`);

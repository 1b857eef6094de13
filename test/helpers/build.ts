import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/platform/paths.js';

/** The newest modification time of the TypeScript under `folder`. */
function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Tests that run the built service or command (dist/) as a real process compile it first when it is missing or older
 * than the source (npm test builds it before the suite; the stylesheet and scripts are not needed).
 */
export function buildIfStale(builtFile: string): void {
  if (existsSync(builtFile) && statSync(builtFile).mtimeMs >= newestSource(path.join(projectRoot, 'src'))) return;
  const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', path.join(projectRoot, 'tsconfig.json')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`could not build dist/ for the tests:\n${built.stdout}${built.stderr}`);
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder, whether the code runs from src/ (tests) or dist/ (built). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const srcDir = path.join(projectRoot, 'src');
export const publicDir = path.join(projectRoot, 'public');

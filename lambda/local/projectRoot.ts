import { join } from 'node:path';

/**
 * The project's root, for the local tools. This file lives in lambda/local/
 * and the tools are bundled to build/<tool>/: two levels down either way
 * (esbuild keeps `__dirname` as the bundle's own folder).
 */
export const PROJECT_ROOT = join(__dirname, '..', '..');

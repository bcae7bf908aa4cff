// Jest's TypeScript transform: esbuild strips the types, nothing more. Types are
// checked once for the whole project by `npm run typecheck`; doing it again per
// test file (or loading the TypeScript compiler into every run) only costs time.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'node20',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};

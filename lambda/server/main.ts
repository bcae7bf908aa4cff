import { main } from './index';

// The entry point `npm run serve` bundles: only this file starts a server on
// load, so tests and the soak can import the rest without starting one.
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

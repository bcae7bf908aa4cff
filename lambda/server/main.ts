import { main } from './index';

// The entry point `npm run serve` bundles: only this file starts a server on
// load, so tests and the soak can import the rest without starting one.
main().catch((error: unknown) => {
  // What an operator can act on, in one line: the port taken or invalid, and so on.
  const { code, message } = error as { code?: unknown; message?: unknown };
  const advice = code === 'EADDRINUSE' ? ' (another process is listening there: stop it, or set PORT)' : '';
  console.error(`npm run serve: cannot start: ${String(message ?? error)}${advice}`);
  process.exit(1);
});

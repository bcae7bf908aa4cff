import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// virtual-alexa loads aws-sdk v2, which prints an end-of-support notice; the tests never call AWS.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// The exported handler keeps progress the way `npm start` does (the file store), but in a
// folder of this test file's own, never in the project's .data/.
process.env.STORAGE = 'file';
process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), 'foot-massage-test-'));

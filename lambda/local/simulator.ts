import './quiet';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { SUPPORTED_LOCALES } from '../voice/locales';
import { buildSkill } from '../skill';
import { chooseStore } from '../storage/config';
import { Conversation, readableText, type TurnResult } from './conversation';
import { PROJECT_ROOT } from './projectRoot';

/**
 * `npm start`: talk to the skill in the terminal. Type what you would say to
 * Alexa; the real interaction model decides the intent, the real skill
 * answers, and you read what Alexa would say. No AWS account involved.
 */

const LOCAL_USER = 'amzn1.ask.account.local-terminal-user';

interface Options {
  locale: string;
  showIntent: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { locale: 'en-US', showIntent: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--locale' && argv[i + 1]) options.locale = argv[++i];
    else if (arg.startsWith('--locale=')) options.locale = arg.slice('--locale='.length);
    else if (arg === '--show-intent') options.showIntent = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(`Usage: npm start -- [--locale en-US] [--show-intent]\nLocales: ${SUPPORTED_LOCALES.join(', ')}`);
      process.exit(0);
    }
  }
  return options;
}

/** The store listing's example phrases (checked by npm run check to work): how to open the skill, and a one-shot request. */
function listedExamples(locale: string): { open?: string; oneShot?: string } {
  try {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'skill.json'), 'utf8')) as {
      manifest: { publishingInformation: { locales: Partial<Record<string, { examplePhrases?: string[] }>> } };
    };
    const [open, oneShot] = manifest.manifest.publishingInformation.locales[locale]?.examplePhrases ?? [];
    return { ...(open ? { open } : {}), ...(oneShot ? { oneShot } : {}) };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!(SUPPORTED_LOCALES as readonly string[]).includes(options.locale)) {
    console.error(`npm start: no locale ${options.locale}. Try one of: ${SUPPORTED_LOCALES.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const storage = chooseStore(process.env, PROJECT_ROOT);
  if (storage.warning) console.log(`(${storage.warning})`);
  const skill = buildSkill({ store: storage.store, log: () => undefined });
  // One terminal user, the same on every run, so progress saved today is offered back tomorrow.
  const conversation = new Conversation({ locale: options.locale, userId: LOCAL_USER, forgiving: true, handler: (event) => skill.invoke(event) });
  // Typed as always set, but a piped stdin has no isTTY at all.
  const stdin: { readonly isTTY?: boolean } = process.stdin;
  const interactive = stdin.isTTY === true;

  // The examples come from the locale's own model, so they are in the language being spoken.
  const examples = { ...conversation.examples(), ...listedExamples(options.locale) };
  console.log(`Foot Massage Guide (${conversation.locale}), in the terminal. Progress: ${storage.description}.`);
  console.log(`Type what you would say to Alexa, for example: ${examples.inSession.map((e) => `"${e}"`).join(', ')}.`);
  console.log(`To start again: "${examples.open}", or one-shot: "${examples.oneShot}".`);
  console.log('Counted silences show as (… 20 s …). Type "quit" to leave.\n');

  const show = (turn: TurnResult): void => {
    const tag = options.showIntent ? ` [${turn.intent}${turn.matched ? '' : ': no sample matched'}]` : '';
    // Said whenever the terminal went past the model: the grammar is what a device hears.
    if (turn.guessed) console.log(`   (guessed ${turn.intent}: no sample says exactly that; add it to the grammar if people say it)`);
    console.log(`A:${tag} ${readableText(turn.ssml)}`);
    if (turn.ended) console.log(`   (session closed: say "${examples.open}" to start again)`);
  };

  show(await conversation.launch());
  const lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  lines.setPrompt('U: ');
  // Piped input gets its lines echoed instead, so the output reads as a transcript.
  const prompt = (): void => (interactive ? lines.prompt() : undefined);
  prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (!interactive && text) console.log(`U: ${text}`);
    if (/^(quit|exit|q)$/i.test(text)) break;
    if (text) {
      try {
        show(await conversation.say(text));
      } catch (error) {
        console.log(`(the skill failed: ${String(error)})`);
      }
    }
    prompt();
  }
  lines.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

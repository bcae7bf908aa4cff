import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageOf } from '../voice/locales';
import { PROJECT_ROOT } from './projectRoot';

/**
 * How people address Alexa in one language: what opens the skill, what wraps
 * a one-shot request, the filler words round a command, the words too common
 * to mean anything, and the disclaimer the store listing must carry. Kept in
 * lambda/local/languages/<language>.json for the terminal conversation and
 * `npm run check`; the deployed skill never reads it.
 */
export interface LanguageProfile {
  /** Stripped from the start of what is typed ("alexa, next"). */
  readonly wakeWords: readonly string[];
  /** Templates that open the skill: "open {name}". */
  readonly launch: readonly string[];
  /** Templates of a one-shot request: "ask {name} for {request}"; those with connecting words first. */
  readonly oneShot: readonly string[];
  /** Words an invocation name may not contain (launch and wake words). */
  readonly invocationForbidden: readonly string[];
  readonly fillers: { readonly leading: readonly string[]; readonly trailing: readonly string[] };
  readonly stopWords: readonly string[];
  /** Said verbatim in the store description: not a substitute for medical advice. */
  readonly disclaimer: string;
  /** False for languages written without spaces between words (Japanese). */
  readonly spaced: boolean;
}

export const profileFile = (language: string, root: string = PROJECT_ROOT): string => join(root, 'lambda', 'local', 'languages', `${language}.json`);

const profiles = new Map<string, LanguageProfile>();

/** The profile of a locale's language; throws, naming the file, when there is none. */
export function languageProfile(locale: string, root: string = PROJECT_ROOT): LanguageProfile {
  const file = profileFile(languageOf(locale), root);
  let profile = profiles.get(file);
  if (!profile) {
    profile = JSON.parse(readFileSync(file, 'utf8')) as LanguageProfile;
    profiles.set(file, profile);
  }
  return profile;
}

import type { ResponseEnvelope } from 'ask-sdk-model';
import { Conversation } from '../conversation';
import type { LanguageProfile } from '../language';
import { isRecord } from '../../json';
import { type Problem } from './problem';
import { STORE_ICONS, iconUri } from '../storeIcon';

/**
 * One locale's store listing in skill.json: it exists, names the store icons, carries the medical
 * disclaimer in that language, and its example phrases really open the skill
 * or start a technique or the routine in that locale's model.
 */

const STARTS = ['StartTechniqueIntent', 'StartRoutineIntent'];

export function checkListing(locale: string, file: string, listing: unknown, profile: LanguageProfile | undefined, modelPath: string): Problem[] {
  const problems: Problem[] = [];
  const at = { locale, file };
  const key = `manifest.publishingInformation.locales.${locale}`;
  if (!isRecord(listing)) return [{ ...at, key, message: 'is missing' }];
  for (const field of ['name', 'summary', 'description']) {
    if (typeof listing[field] !== 'string' || listing[field].trim() === '') problems.push({ ...at, key: `${key}.${field}`, message: 'is missing' });
  }
  if (profile && typeof listing.description === 'string' && !listing.description.includes(profile.disclaimer)) {
    problems.push({ ...at, key: `${key}.description`, message: `must carry the medical disclaimer: "${profile.disclaimer}"` });
  }
  // The store's icons: required to submit; `npm run package` draws the files these name.
  for (const icon of STORE_ICONS) {
    if (listing[icon.field] !== iconUri(icon))
      problems.push({
        ...at,
        key: `${key}.${icon.field}`,
        message: `must be ${iconUri(icon)} (the ${icon.size}×${icon.size} icon npm run package draws), not ${JSON.stringify(listing[icon.field] ?? null)}`,
      });
  }
  if (!Array.isArray(listing.keywords) || listing.keywords.length === 0) problems.push({ ...at, key: `${key}.keywords`, message: 'are missing' });
  const phrases = Array.isArray(listing.examplePhrases) ? listing.examplePhrases.filter((p): p is string => typeof p === 'string') : [];
  if (phrases.length < 1 || phrases.length > 3)
    problems.push({ ...at, key: `${key}.examplePhrases`, message: `has ${phrases.length}; Alexa wants one to three` });
  if (!profile) return problems;

  let conversation: Conversation;
  try {
    conversation = new Conversation({ locale, modelPath, handler: () => Promise.reject<ResponseEnvelope>(new Error('nothing is sent while checking')) });
  } catch (error) {
    return [...problems, { ...at, key: `${key}.examplePhrases`, message: `cannot be tried: ${(error as Error).message}` }];
  }
  phrases.forEach((phrase, index) => {
    const understood = conversation.understand(phrase);
    const where = `${key}.examplePhrases[${index}] "${phrase}"`;
    if (understood.kind === 'launch') return;
    if (understood.kind === 'none')
      problems.push({
        ...at,
        key: where,
        message: understood.oneShot ? 'names the skill, but the request matches no sample of the model' : 'does not open the skill in this language',
      });
    else if (!understood.oneShot) problems.push({ ...at, key: where, message: 'does not name the skill' });
    else if (!STARTS.includes(understood.intent))
      problems.push({ ...at, key: where, message: `starts ${understood.intent}; an example should open the skill or start a technique or the routine` });
  });
  return problems;
}

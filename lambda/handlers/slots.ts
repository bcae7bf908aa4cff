import type { Intent } from 'ask-sdk-model';
import { isTechniqueId, type TechniqueId } from '../guide/catalog';
import { CONCERNS, type Concern, type PaceChange } from '../guide/commands';
import { isRecord } from '../json';

/**
 * Reading slots: the only place that knows how Alexa encodes what was heard.
 * Every reader accepts anything (slots are untrusted input) and answers null
 * when it cannot be sure.
 */

/** The technique the user named, by entity-resolution id (never by raw text). */
export function techniqueSlot(intent: Intent | undefined, slotName = 'technique'): TechniqueId | null {
  return resolvedId(intent, slotName, isTechniqueId);
}

/** The PaceName slot's entity-resolution ids. */
export const PACE_CHANGES: readonly PaceChange[] = ['slower', 'faster', 'normal'];

/** "slower", "faster" or "normal", by entity-resolution id. */
export function paceSlot(intent: Intent | undefined, slotName = 'pace'): PaceChange | null {
  return resolvedId(intent, slotName, (id): id is PaceChange => PACE_CHANGES.includes(id as PaceChange));
}

/** What a safety question was about (pregnancy, diabetes …), by entity-resolution id. */
export function concernSlot(intent: Intent | undefined, slotName = 'concern'): Concern | null {
  return resolvedId(intent, slotName, (id): id is Concern => CONCERNS.includes(id as Concern));
}

/** "on both feet": the FootScope slot resolved to `both`. */
export function bothFeetSlot(intent: Intent | undefined, slotName = 'feet'): boolean {
  return resolvedId(intent, slotName, (id): id is 'both' => id === 'both') !== null;
}

/** The first entity-resolution id of a slot that `accept` recognises; null for no match or nonsense. */
function resolvedId<T extends string>(intent: Intent | undefined, slotName: string, accept: (id: unknown) => id is T): T | null {
  const authorities: unknown = intent?.slots?.[slotName]?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return null;
  for (const authority of authorities as readonly unknown[]) {
    if (!isRecord(authority) || !isRecord(authority.status) || authority.status.code !== 'ER_SUCCESS_MATCH' || !Array.isArray(authority.values)) continue;
    for (const match of authority.values as readonly unknown[]) {
      const id = isRecord(match) && isRecord(match.value) ? match.value.id : undefined;
      if (accept(id)) return id;
    }
  }
  return null;
}

/**
 * The step a user asked for: "step two" (AMAZON.NUMBER `stepNumber`) or "the
 * second step", "the last step" (our StepOrdinal type, `stepOrdinal`, whose
 * entity-resolution ids are the numbers "1" to "10" and "last", and whose words
 * are the model's, per language).
 */
export function stepSlot(intent: Intent | undefined, numbers: Readonly<Record<string, number>>): number | 'last' | null {
  const spoken = parseSpokenNumber(slotValue(intent, 'stepNumber'), numbers);
  if (spoken !== null) return spoken;
  const ordinal = resolvedId(intent, 'stepOrdinal', (id): id is string => typeof id === 'string' && (id === 'last' || /^\d{1,2}$/.test(id)));
  return ordinal === null ? null : ordinal === 'last' ? 'last' : Number(ordinal);
}

function slotValue(intent: Intent | undefined, slotName: string): string | undefined {
  const value: unknown = intent?.slots?.[slotName]?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Longest spoken number we try to read; anything longer is not a step number. */
const MAX_NUMBER_LENGTH = 60;

/**
 * A whole number from an AMAZON.NUMBER slot. Alexa sends digits ("2");
 * test tools and some devices send the words ("two", "ninety nine"):
 * accept both, using the locale's number words. Anything else is null.
 */
export function parseSpokenNumber(value: string | undefined, words: Readonly<Record<string, number>>): number | null {
  if (value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (text.length === 0 || text.length > MAX_NUMBER_LENGTH) return null;
  if (/^[+-]?\d+$/.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : null;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const token of text.split(/[\s-]+/u)) {
    const n = Object.prototype.hasOwnProperty.call(words, token) ? words[token] : undefined;
    if (typeof n !== 'number') return null;
    seen = true;
    if (n === 100) current = (current || 1) * 100;
    else if (n === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += n;
  }
  return seen ? total + current : null;
}

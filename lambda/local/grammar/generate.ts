import { HANDLED_INTENTS } from '../../handlers/intents';
import type { InteractionModel } from '../model';
import { expand, PatternError } from './pattern';
import { GrammarFileError, type GrammarSource } from './source';

/**
 * A grammar made into the interaction model Alexa reads. The structure that
 * is the same in every language lives here once: which intents there are
 * (the handlers' table), which slots each one has, and the order of
 * everything, so the same grammar always writes the same bytes.
 */

/** Slots by intent: the same in every language. */
const INTENT_SLOTS: Readonly<Partial<Record<string, readonly { readonly name: string; readonly type: string }[]>>> = {
  StartTechniqueIntent: [{ name: 'technique', type: 'TechniqueName' }],
  GoToStepIntent: [
    { name: 'stepNumber', type: 'AMAZON.NUMBER' },
    { name: 'stepOrdinal', type: 'StepOrdinal' },
  ],
  SetPaceIntent: [{ name: 'pace', type: 'PaceName' }],
  SkipTechniqueIntent: [
    { name: 'technique', type: 'TechniqueName' },
    { name: 'feet', type: 'FootScope' },
  ],
  SafetyIntent: [{ name: 'concern', type: 'SafetyConcern' }],
};
/** Custom slot types in the order they are written out. */
const SLOT_TYPES = ['TechniqueName', 'PaceName', 'StepOrdinal', 'FootScope', 'SafetyConcern'] as const;

interface GeneratedIntent {
  readonly name: string;
  readonly slots?: readonly { readonly name: string; readonly type: string }[];
  readonly samples: readonly string[];
}
interface GeneratedType {
  readonly name: string;
  readonly values: readonly { readonly id: string; readonly name: { readonly value: string; readonly synonyms: readonly string[] } }[];
}
export interface GeneratedModel {
  readonly interactionModel: {
    readonly languageModel: {
      readonly invocationName: string;
      readonly intents: readonly GeneratedIntent[];
      readonly types: readonly GeneratedType[];
    };
  };
}

export interface Generated {
  readonly model: GeneratedModel;
  /** intent → sample → the pattern that first produced it. */
  readonly origins: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** How two phrasings compare: case and spacing do not count (and without spaces, no spaces do). */
export const phraseKey = (spaced: boolean): ((phrase: string) => string) => {
  // Most phrases have their spacing right already, and are their own key once in lower case.
  const respace = spaced ? /[^\S ]| {2}|^ | $/ : /\s/;
  return (phrase) => {
    const lower = phrase.toLowerCase();
    return respace.test(lower) ? lower.replace(/\s+/g, spaced ? ' ' : '').trim() : lower;
  };
};

export function generate(grammar: GrammarSource, spaced: boolean): Generated {
  const key = phraseKey(spaced);
  const file = grammar.files[grammar.files.length - 1];
  const run = (where: string, pattern: string): string[] => {
    try {
      return expand(pattern, grammar.pieces);
    } catch (error) {
      if (error instanceof PatternError) throw new GrammarFileError(file, where, error.message);
      throw error;
    }
  };

  for (const name of grammar.intents.keys()) {
    if (!HANDLED_INTENTS.includes(name)) throw new GrammarFileError(file, `intents.${name}`, 'is not an intent the skill handles (lambda/handlers/intents.ts)');
  }
  const origins = new Map<string, Map<string, string>>();
  const intents: GeneratedIntent[] = HANDLED_INTENTS.map((name) => {
    const source = grammar.intents.get(name) ?? { say: [], except: [] };
    const except = new Set(source.except.flatMap((p) => run(`intents.${name}.except`, p)).map(key));
    const byKey = new Map<string, string>();
    const from = new Map<string, string>();
    for (const pattern of source.say) {
      for (const phrase of run(`intents.${name}`, pattern)) {
        const k = key(phrase);
        if (!phrase || except.has(k) || byKey.has(k)) continue;
        byKey.set(k, phrase);
        from.set(phrase, pattern);
      }
    }
    origins.set(name, from);
    const slots = INTENT_SLOTS[name];
    return { name, ...(slots ? { slots } : {}), samples: [...byKey.values()] };
  });

  for (const type of grammar.types.keys()) {
    if (!(SLOT_TYPES as readonly string[]).includes(type))
      throw new GrammarFileError(file, `types.${type}`, `is not a slot type of the skill (${SLOT_TYPES.join(', ')})`);
  }
  const types: GeneratedType[] = SLOT_TYPES.map((type) => ({
    name: type,
    values: [...(grammar.types.get(type) ?? new Map<string, readonly string[]>())].map(([id, patterns]) => {
      const phrases: string[] = [];
      const seen = new Set<string>();
      for (const pattern of patterns) {
        for (const phrase of run(`types.${type}.${id}`, pattern)) {
          const k = key(phrase);
          if (phrase && !seen.has(k)) {
            seen.add(k);
            phrases.push(phrase);
          }
        }
      }
      const [value = '', ...synonyms] = phrases;
      return { id, name: { value, synonyms } };
    }),
  }));

  return { model: { interactionModel: { languageModel: { invocationName: grammar.invocation, intents, types } } }, origins };
}

/** The committed form of a model: two-space JSON with a final newline. */
export const modelText = (model: GeneratedModel): string => `${JSON.stringify(amazons(model), null, 2)}\n`;

/** A type as Amazon's declarations write it: arrays and fields not readonly. */
type Writable<T> = T extends readonly (infer U)[] ? Writable<U>[] : T extends object ? { -readonly [K in keyof T]: Writable<T[K]> } : T;

/**
 * Every model the generator writes is an interaction model by Amazon's own
 * types (ask-smapi-model): `npm run typecheck` refuses this line otherwise.
 * So `npm run check` need not type-check a committed model again when it is
 * byte for byte what its grammar generates (lambda/local/check/smapiTypes.ts).
 */
const amazons = (model: GeneratedModel): InteractionModel => model as Writable<GeneratedModel>;

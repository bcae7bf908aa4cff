import type { v1 } from 'ask-smapi-model';

/**
 * An interaction model as Amazon describes it (ask-smapi-model, the SMAPI
 * SDK's types): the one description every tool here reads models by. The
 * files themselves are checked against the same types in `npm run check`.
 */
export type InteractionModel = v1.skill.interactionModel.InteractionModelData;
export type LanguageModel = v1.skill.interactionModel.LanguageModel;
export type ModelIntent = v1.skill.interactionModel.Intent;
export type ModelSlotType = v1.skill.interactionModel.SlotType;
type ModelTypeValue = v1.skill.interactionModel.TypeValue;

/**
 * A slot value's phrases: its name, then its synonyms. Amazon's type says a
 * value always has `synonyms`, but Amazon accepts a value without them, so a
 * model file may leave them out.
 */
export function phrasesOf(value: ModelTypeValue): string[] {
  const name: { readonly value: string; readonly synonyms?: readonly string[] } = value.name;
  return [name.value, ...(name.synonyms ?? [])];
}

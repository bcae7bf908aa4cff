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

import { SkillBuilders, type Skill } from 'ask-sdk-core';
import { GuideErrorHandler } from './handlers/error';
import { IntentHandler, LaunchHandler, SessionEndedHandler } from './handlers/guide';

export interface SkillOptions {
  /** When set, requests addressed to any other skill are refused. */
  readonly skillId?: string;
}

/** The only place the skill is assembled: Lambda, the simulator and tests all call this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(LaunchHandler, IntentHandler, SessionEndedHandler)
    .addErrorHandlers(GuideErrorHandler)
    .withCustomUserAgent('foot-massage-guide');
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}

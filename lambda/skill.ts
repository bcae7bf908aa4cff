import { SkillBuilders, type PersistenceAdapter, type Skill } from 'ask-sdk-core';
import { guideErrorHandler } from './handlers/error';
import { guideHandlers } from './handlers/guide';
import type { TurnDeps } from './handlers/turn';

export interface SkillOptions {
  /** When set, requests addressed to any other skill are refused. */
  readonly skillId?: string;
  /** Where progress is kept between sessions; none keeps it for one session only. */
  readonly store?: PersistenceAdapter | null;
  readonly now?: () => number;
  /** One JSON line per entry; never given the envelope, user id or tokens. */
  readonly log?: (entry: Record<string, unknown>) => void;
}

const jsonLog = (entry: Record<string, unknown>): void => console.error(JSON.stringify(entry));

/** The only place the skill is assembled: Lambda, the simulator, the server and tests all call this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const deps: TurnDeps = { persistent: Boolean(options.store), now: options.now ?? Date.now, log: options.log ?? jsonLog };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...guideHandlers(deps))
    .addErrorHandlers(guideErrorHandler(deps))
    .withCustomUserAgent('foot-massage-guide');
  if (options.store) builder.withPersistenceAdapter(options.store);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}

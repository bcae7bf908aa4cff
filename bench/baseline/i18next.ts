import { SkillBuilders } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { localisation, welcome } from './localised';

/** The localised peer: the bare skill (bench/baseline/index.ts) with i18next as Amazon's templates use it. Bundled like ours. */
const skill = SkillBuilders.custom().addRequestHandlers(welcome).addRequestInterceptors(localisation).create();

export const handler = (event: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(event);

import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildSkill } from './skill';

// Built once per container: every warm invocation reuses it.
const skill = buildSkill({ skillId: process.env.SKILL_ID || undefined });

/** The AWS Lambda entry point. */
export const handler = (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> => skill.invoke(event, context);

import type { Context } from 'aws-lambda';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { answerAlways, buildSkill } from './skill';
import { chooseStore } from './storage/config';

// Built once per container: every warm invocation reuses the skill and its store.
const choice = chooseStore(process.env, process.cwd());
if (choice.warning) console.warn(JSON.stringify({ level: 'warn', event: 'storage', message: choice.warning }));
if (process.env.AWS_LAMBDA_FUNCTION_NAME && !process.env.SKILL_ID)
  console.warn(JSON.stringify({ level: 'warn', event: 'skill-id', message: 'SKILL_ID is not set: requests for any skill id will be answered.' }));
const skillId = process.env.SKILL_ID || undefined;
const answer = answerAlways(buildSkill({ skillId, store: choice.store }), { skillId });

/** Where this process keeps progress (tests read it back through the same store). */
export const store = choice.store;

/** The AWS Lambda entry point: always answers, except to requests for another skill. */
export const handler = (event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> => answer(event, context);

import { SkillBuilders, type PersistenceAdapter, type RequestHandler, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { applicationIdOf, errorText, localeOf, requestIdOf } from './envelope';
import { voiceFor } from './voice/i18n';
import { escape } from './voice/speech';
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

/**
 * Events: a request type no guide handler takes, sent outside any session
 * (AlexaSkillEvent.SkillEnabled, Messaging.MessageReceived, ...). Alexa
 * expects an empty response, nobody is listening, and the user's progress is
 * not touched (the store is never read or written). Registered last, it only
 * sees what the others refuse; inside a session such a request still gets
 * the apology that keeps the user's place (handlers/error.ts).
 */
const events: RequestHandler = {
  canHandle: (input) => !input.requestEnvelope.session,
  handle: (input) => input.responseBuilder.getResponse(),
};

/** The only place the skill is assembled: Lambda, the simulator, the server and tests all call this. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const deps: TurnDeps = { persistent: Boolean(options.store), now: options.now ?? Date.now, log: options.log ?? jsonLog };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...guideHandlers(deps), events)
    .addErrorHandlers(guideErrorHandler(deps))
    .withCustomUserAgent('foot-massage-guide');
  if (options.store) builder.withPersistenceAdapter(options.store);
  if (options.skillId) builder.withSkillId(options.skillId);
  return builder.create();
}

/**
 * The skill as a function that always answers: whatever the envelope (missing
 * fields, wrong types, a request no handler expects), the caller gets a valid
 * response with kind words, never an exception. The one refusal is a request
 * for another skill when `skillId` is set: that is rejected, as ask-sdk would.
 */
export function answerAlways(
  skill: Skill,
  options: Pick<SkillOptions, 'skillId' | 'log'> = {},
): (event: RequestEnvelope, context?: unknown) => Promise<ResponseEnvelope> {
  const log = options.log ?? jsonLog;
  return async (event, context) => {
    if (options.skillId && applicationIdOf(event) !== options.skillId) {
      throw new Error('Refused: the request is for another skill.');
    }
    try {
      return await skill.invoke(event, context);
    } catch (error) {
      log({ level: 'error', event: 'request-unanswerable', requestId: requestIdOf(event), error: errorText(error) });
      return kindErrorAnswer(event);
    }
  };
}

/** The plainest answer there is: "something went wrong", in the request's language, and no state handed back. */
export function kindErrorAnswer(event: unknown): ResponseEnvelope {
  const { t } = voiceFor(localeOf(event) ?? undefined);
  return {
    version: '1.0',
    response: {
      outputSpeech: { type: 'SSML', ssml: `<speak>${escape(t('msg.error'))}</speak>` },
      shouldEndSession: true,
    },
  };
}

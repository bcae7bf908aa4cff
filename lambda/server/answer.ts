import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { errorText } from '../envelope';
import { kindErrorAnswer } from '../skill';
import { readBody } from './body';
import type { SigningCertificates } from './certificates';
import { answerError, NOBODY, Refusal, sendJsonText, type LogLine, type Who } from './errors';
import { checkSignature, signingUrlOf } from './signature';
import { checkSkillId, checkTimestamp, parseEnvelope, whoSent } from './verify';

/**
 * POST /: one Alexa request, start to end. The body is read under the limit,
 * then our checks run cheapest first (shape, certificate URL, timestamp,
 * skill id) so junk never costs a download; then the signature; then the
 * skill, through the same always-answer path as the Lambda handler.
 */
export interface AnswerOptions {
  /** answerAlways(buildSkill(...)): the Lambda handler's path. */
  readonly answer: (event: RequestEnvelope) => Promise<ResponseEnvelope>;
  /** Null with --insecure-local: signatures are not checked. */
  readonly certificates: SigningCertificates | null;
  readonly verifyTimestamp: boolean;
  readonly skillId?: string;
  readonly bodyLimitBytes: number;
  readonly now: () => number;
  readonly log: LogLine;
}

export async function answerAlexa(req: IncomingMessage, res: ServerResponse, options: AnswerOptions, extraHeaders: Record<string, string>): Promise<void> {
  let who: Who = NOBODY;
  try {
    const body = await readBody(req, options.bodyLimitBytes);
    const envelope = parseEnvelope(body.text);
    who = whoSent(envelope);
    const signingUrl = options.certificates ? signingUrlOf(req.headers) : null;
    if (options.verifyTimestamp) checkTimestamp(envelope, options.now());
    checkSkillId(envelope, options.skillId);
    if (options.certificates && signingUrl) await checkSignature(req.headers, body.raw, signingUrl, options.certificates);

    let answer: ResponseEnvelope;
    try {
      answer = await options.answer(envelope as unknown as RequestEnvelope);
    } catch {
      // answerAlways refuses only a request for another skill (checked above already).
      throw new Refusal(400, 'request is for another skill');
    }
    sendJsonText(res, 200, asJson(answer, envelope, who, options.log), extraHeaders);
  } catch (error) {
    answerError(req, res, error, who, options.log, extraHeaders);
  }
}

/**
 * The answer, or the kind error answer when it cannot be written as JSON
 * (session attributes nested deeper than JSON.stringify goes, handed back as
 * they came for a request type the skill leaves alone).
 */
function asJson(answer: ResponseEnvelope, envelope: unknown, who: Who, log: LogLine): string {
  try {
    return JSON.stringify(answer);
  } catch (error) {
    log(JSON.stringify({ level: 'error', event: 'request-unanswerable', requestId: who.requestId, user: who.user, error: errorText(error).slice(0, 300) }));
    return JSON.stringify(kindErrorAnswer(envelope));
  }
}

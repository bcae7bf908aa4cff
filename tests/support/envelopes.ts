import type { RequestEnvelope } from 'ask-sdk-model';

/** Hand-built Alexa envelopes, for requests no utterance produces (tampered, unknown, malformed). */
export interface EnvelopeOptions {
  readonly locale?: string;
  readonly attributes?: Record<string, unknown>;
  readonly newSession?: boolean;
  readonly applicationId?: string;
  /** Defaults to a new user for every envelope, so saved progress never leaks between tests. */
  readonly userId?: string;
}

let counter = 0;

export function envelope(request: Record<string, unknown>, options: EnvelopeOptions = {}): RequestEnvelope {
  const applicationId = options.applicationId ?? 'amzn1.ask.skill.test';
  counter += 1;
  const userId = options.userId ?? `amzn1.ask.account.TESTUSER-${process.pid}-${counter}`;
  return {
    version: '1.0',
    session: {
      new: options.newSession ?? false,
      sessionId: 'amzn1.echo-api.session.test',
      application: { applicationId },
      attributes: options.attributes ?? {},
      user: { userId },
    },
    context: {
      System: {
        application: { applicationId },
        user: { userId },
        device: { deviceId: 'amzn1.ask.device.test', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
      },
    },
    request: {
      requestId: `amzn1.echo-api.request.${counter}`,
      timestamp: new Date().toISOString(),
      locale: options.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function launchRequest(options?: EnvelopeOptions): RequestEnvelope {
  return envelope({ type: 'LaunchRequest' }, { newSession: true, ...options });
}

export function intentRequest(name: string, slots: Record<string, unknown> = {}, options?: EnvelopeOptions): RequestEnvelope {
  return envelope({ type: 'IntentRequest', dialogState: 'COMPLETED', intent: { name, confirmationStatus: 'NONE', slots } }, options);
}

/** A technique slot as Alexa sends it once entity resolution matched `id`. */
export function resolvedTechnique(id: string, heard = id): Record<string, unknown> {
  return {
    technique: {
      name: 'technique',
      value: heard,
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.TechniqueName',
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: heard, id } }],
          },
        ],
      },
    },
  };
}

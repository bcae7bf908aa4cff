import type { ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/index';
import { buildSkill } from '../../lambda/skill';
import { RECOVERED, StaleRevisionError } from '../../lambda/storage/document';
import { STATE_KEY } from '../../lambda/storage/progress';
import { plainText } from '../../lambda/local/conversation';
import { envelope, intentRequest, launchRequest, resolvedTechnique } from '../support/envelopes';
import { expectValidSsml } from '../support/ssml';

// Requests no utterance produces: tampered, unknown, malformed. Each gets words and a safe state.

function speechOf(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech as { ssml?: string } | undefined;
  return plainText(speech?.ssml ?? '');
}

const onHeelStep2 = { [STATE_KEY]: { v: 1, phase: { at: 'step', technique: 'relaxHeel', step: 1 }, turns: 3 } };

test('a technique chosen by its entity-resolution id, not by the words heard', async () => {
  const response = await handler(intentRequest('StartTechniqueIntent', resolvedTechnique('easeSole', 'the squishy bit')));
  expect(speechOf(response)).toMatch(/easing the sole.*step 1 of 4/i);
});

test('a resolution id we do not know is an unknown technique', async () => {
  const response = await handler(intentRequest('StartTechniqueIntent', resolvedTechnique('shoulderRub')));
  expect(speechOf(response)).toMatch(/don't know that technique/i);
  expect(response.response.shouldEndSession).toBe(false);
});

test.each([
  ['garbage', 'not a state'],
  ['an unknown technique', { v: 1, phase: { at: 'step', technique: 'backRub', step: 0 }, turns: 1 }],
  ['a step out of range', { v: 1, phase: { at: 'step', technique: 'relaxHeel', step: 40 }, turns: 1 }],
  ['a future version', { v: 99, phase: { at: 'step', technique: 'relaxHeel', step: 1 } }],
])('tampered session state (%s) becomes a safe state', async (_label, tampered) => {
  const response = await handler(intentRequest('AMAZON.RepeatIntent', {}, { attributes: { [STATE_KEY]: tampered } }));
  expect(speechOf(response)).not.toBe('');
  expect(response.response.shouldEndSession).toBe(false);
  expect(response.response.reprompt).toBeDefined();
  await expectValidSsml([(response.response.outputSpeech as { ssml: string }).ssml]);
});

test('an intent the skill does not know is answered like one it could not place', async () => {
  const response = await handler(intentRequest('OrderPizzaIntent', {}, { attributes: onHeelStep2 }));
  expect(speechOf(response)).toMatch(/didn't catch that.*step 2 of 2 of relaxing the heel/i);
  expect(response.sessionAttributes?.[STATE_KEY]).toMatchObject({ phase: { at: 'step', technique: 'relaxHeel', step: 1 } });
});

test('a request type the skill has no handler for gets an apology and keeps the place', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const response = await handler(envelope({ type: 'Connections.Response', name: 'Buy', status: { code: '200' } }, { attributes: onHeelStep2 }));
  expect(speechOf(response)).toMatch(/something went wrong.*your place is kept.*step 2 of 2 of relaxing the heel/i);
  expect(response.response.shouldEndSession).toBe(false);
  expect(response.sessionAttributes?.[STATE_KEY]).toMatchObject({ phase: { at: 'step', technique: 'relaxHeel', step: 1 } });
  // The log says which request failed and why, never who asked.
  const logged = errors.mock.calls.map((call) => call.join(' ')).join('\n');
  expect(logged).toMatch(/amzn1\.echo-api\.request\./);
  expect(logged).not.toMatch(/TESTUSER/);
  errors.mockRestore();
});

test.each([['xx-XX'], ['not a locale'], [undefined]])('an unsupported locale (%s) is answered in US English', async (locale) => {
  const request = launchRequest();
  (request.request as { locale?: string }).locale = locale;
  const response = await handler(request);
  expect(speechOf(response)).toMatch(/welcome to foot massage guide/i);
});

test.each([
  ['de-AT', /Willkommen/],
  ['fr-BE', /Bienvenue/],
  ['es-AR', /bienvenida/],
  ['en-NZ', /Welcome to Foot Massage Guide/],
  ['sv-SE', /Welcome to Foot Massage Guide/],
])('a locale we do not list speaks its language if we have it (%s)', async (locale, words) => {
  const response = await handler(launchRequest({ locale }));
  expect(speechOf(response)).toMatch(words);
});

test("a step number said in the user's own language is understood", async () => {
  for (const [locale, value] of [
    ['de-DE', 'zwei'],
    ['fr-FR', 'deux'],
    ['es-ES', 'dos'],
    ['it-IT', 'due'],
    ['pt-BR', 'dois'],
    ['nl-NL', 'twee'],
  ] as const) {
    const response = await handler(
      intentRequest(
        'GoToStepIntent',
        { stepNumber: { name: 'stepNumber', value } },
        { locale, attributes: { [STATE_KEY]: { v: 1, phase: { at: 'step', technique: 'ankleStretch', step: 0 }, turns: 1 } } },
      ),
    );
    expect([locale, response.sessionAttributes?.[STATE_KEY]]).toMatchObject([locale, { phase: { step: 1 } }]);
  }
});

test('step numbers arrive as digits or as words', async () => {
  for (const [value, step] of [
    ['2', 2],
    ['two', 2],
    [' 3 ', 3],
    ['one', 1],
  ] as const) {
    const response = await handler(
      intentRequest(
        'GoToStepIntent',
        { stepNumber: { name: 'stepNumber', value } },
        { attributes: { [STATE_KEY]: { v: 1, phase: { at: 'step', technique: 'ankleStretch', step: 0 }, turns: 1 } } },
      ),
    );
    expect(response.sessionAttributes?.[STATE_KEY]).toMatchObject({ phase: { step: step - 1 } });
  }
});

test('"the third step" arrives as a StepOrdinal resolved to an id; an id that is no number is no step', async () => {
  const onAnkle = { [STATE_KEY]: { v: 1, phase: { at: 'step', technique: 'ankleStretch', step: 0 }, turns: 1 } };
  const ordinal = (id: unknown) => ({
    stepOrdinal: {
      name: 'stepOrdinal',
      value: 'third',
      resolutions: { resolutionsPerAuthority: [{ authority: 'a', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id, name: 'third' } }] }] },
    },
  });
  const third = await handler(intentRequest('GoToStepIntent', ordinal('3'), { attributes: onAnkle }));
  expect(third.sessionAttributes?.[STATE_KEY]).toMatchObject({ phase: { step: 2 } });
  for (const id of ['three', '', '3; drop', 3, null, '999']) {
    const response = await handler(intentRequest('GoToStepIntent', ordinal(id), { attributes: onAnkle }));
    expect(response.sessionAttributes?.[STATE_KEY]).toMatchObject({ phase: { step: 0 } });
  }
});

test('the session-ended notice gets an empty answer', async () => {
  const response = await handler(envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, { attributes: onHeelStep2 }));
  expect(response.response.outputSpeech).toBeUndefined();
});

test('a request with no session (a one-shot some devices send without one) gets a real answer, not an apology', async () => {
  const userId = `amzn1.ask.account.NOSESSION-${Math.random()}`;
  const withoutSession = (request: ReturnType<typeof intentRequest>) => {
    const copy: Record<string, unknown> = { ...request };
    delete copy.session;
    return copy as unknown as ReturnType<typeof intentRequest>;
  };
  const started = await handler(withoutSession(intentRequest('StartTechniqueIntent', resolvedTechnique('toes'), { userId })));
  expect(speechOf(started)).toMatch(/step 1 of 2/i);
  expect(speechOf(started)).not.toMatch(/went wrong/i);
  expect(started.sessionAttributes).toBeUndefined();
  // The place was saved: the next session picks it up.
  const back = await handler(launchRequest({ userId }));
  expect(speechOf(back)).toMatch(/welcome back.*step 1 of 2 of the toes/i);
});

test('lost progress met again on every retry of a raced turn is said once, with the race', async () => {
  // A store whose saved progress is unreadable, and where every save loses a race.
  const store = {
    getAttributes: () => Promise.resolve({ [RECOVERED]: true, revision: 4 }),
    saveAttributes: () => Promise.reject(new StaleRevisionError(5)),
  };
  const log: Record<string, unknown>[] = [];
  const skill = buildSkill({ store, log: (e) => log.push(e) });
  const speech = speechOf(await skill.invoke(launchRequest()));
  expect(speech.match(/couldn't read your saved progress/gi)).toHaveLength(1);
  expect(speech).toMatch(/can't save your progress right now/i);
  expect(log.filter((e) => e.event === 'progress-unreadable')).toHaveLength(1);
});

import { check } from 'ssml-check-core';

/** Alexa's own limits for one response (see DESIGN.md, "Platform facts"). */
export const MAX_SPEECH_CHARS = 8000;

/**
 * Fails with every problem in every SSML string given, checked the way
 * Alexa would (ssml-check-core, platform amazon), plus the length limit.
 */
export async function expectValidSsml(ssmls: readonly string[], locale = 'en-US'): Promise<void> {
  const problems: string[] = [];
  for (const ssml of new Set(ssmls)) {
    const wrapped = ssml.startsWith('<speak>') ? ssml : `<speak>${ssml}</speak>`;
    const errors = await check(wrapped, { platform: 'amazon', locale });
    if (errors && errors.length) problems.push(`${JSON.stringify(errors)} in ${ssml}`);
    if (wrapped.length >= MAX_SPEECH_CHARS) problems.push(`${wrapped.length} characters (limit ${MAX_SPEECH_CHARS}) in ${ssml.slice(0, 80)}…`);
  }
  expect(problems).toEqual([]);
}

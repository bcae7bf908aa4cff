import { check } from 'ssml-check-core';

/** Alexa's limits for one response (see DESIGN.md, "Platform facts"). */
export const MAX_SPEECH_CHARS = 8000;
export const MAX_AUDIO_TAGS = 5;
/** Audio may total 240 s; we hold our silences (chained breaks) to the same bound. */
export const MAX_TIMED_SECONDS = 240;

export interface SsmlMeasure {
  readonly chars: number;
  readonly audioTags: number;
  readonly breakSeconds: number;
}

/** What a response costs against Alexa's limits. */
export function measureSsml(ssml: string): SsmlMeasure {
  const wrapped = ssml.startsWith('<speak>') ? ssml : `<speak>${ssml}</speak>`;
  let breakSeconds = 0;
  for (const [, amount, unit] of wrapped.matchAll(/<break\s+time="(\d+(?:\.\d+)?)(ms|s)"\s*\/>/g)) {
    breakSeconds += unit === 's' ? Number(amount) : Number(amount) / 1000;
  }
  return { chars: wrapped.length, audioTags: (wrapped.match(/<audio\b/g) ?? []).length, breakSeconds };
}

/**
 * Fails with every problem in every SSML string given, checked the way
 * Alexa would (ssml-check-core, platform amazon), plus the response limits.
 */
export async function expectValidSsml(ssmls: readonly string[], locale = 'en-US'): Promise<void> {
  const problems: string[] = [];
  for (const ssml of new Set(ssmls)) {
    const wrapped = ssml.startsWith('<speak>') ? ssml : `<speak>${ssml}</speak>`;
    const errors = await check(wrapped, { platform: 'amazon', locale });
    if (errors && errors.length) problems.push(`${JSON.stringify(errors)} in ${ssml}`);
    const { chars, audioTags, breakSeconds } = measureSsml(wrapped);
    if (chars >= MAX_SPEECH_CHARS) problems.push(`${chars} characters (limit ${MAX_SPEECH_CHARS}) in ${ssml.slice(0, 80)}…`);
    if (audioTags > MAX_AUDIO_TAGS) problems.push(`${audioTags} audio tags (limit ${MAX_AUDIO_TAGS}) in ${ssml.slice(0, 80)}…`);
    if (breakSeconds > MAX_TIMED_SECONDS) problems.push(`${breakSeconds} s of silence (limit ${MAX_TIMED_SECONDS}) in ${ssml.slice(0, 80)}…`);
  }
  expect(problems).toEqual([]);
}

import { reduce } from '../lambda/guide/reduce';
import { INITIAL_STATE, PACES, type GuideState, type Pace } from '../lambda/guide/state';
import { voiceFor } from '../lambda/voice/i18n';
import { renderSpeech } from '../lambda/voice/speech';

/**
 * `npm run routine:duration`: how long the full two-foot routine takes when
 * the user says only "next", at each pace. Counted practice is exact (the
 * breaks in the SSML); speech is estimated from its words at a typical
 * speaking rate, scaled by the pace's prosody rate.
 */

const WORDS_PER_SECOND = 2.6; // about 155 words a minute, Alexa's ordinary rate
const RATE: Readonly<Record<Pace, number>> = { slow: 0.85, normal: 1, fast: 1.15 };

function measure(pace: Pace): { turns: number; practice: number; speech: number } {
  const voice = voiceFor('en-US');
  let state: GuideState = { ...INITIAL_STATE, safetyHeard: true, prefs: { timing: true, pace } };
  let reply = reduce(state, { type: 'startRoutine' });
  let turns = 0;
  let practice = 0;
  let words = 0;
  for (;;) {
    turns++;
    const { speech } = renderSpeech(reply.say, reply.ask, voice, pace);
    for (const [, amount, unit] of speech.matchAll(/<break time="(\d+(?:\.\d+)?)(ms|s)"\/>/g))
      practice += unit === 's' ? Number(amount) : Number(amount) / 1000;
    words += speech
      .replace(/<[^>]+>/g, ' ')
      .split(/\s+/)
      .filter(Boolean).length;
    state = reply.state;
    if (state.phase.at === 'done') break;
    reply = reduce(state, { type: 'next' });
  }
  return { turns, practice, speech: words / WORDS_PER_SECOND / RATE[pace] };
}

const minutes = (seconds: number): string => `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;

console.log('| pace | turns (start + "next"s) | silence (counted practice and pauses) | speech (estimated) | total |');
console.log('|---|---|---|---|---|');
for (const pace of PACES) {
  const { turns, practice, speech } = measure(pace);
  console.log(`| ${pace} | ${turns} | ${minutes(practice)} | ${minutes(speech)} | ${minutes(practice + speech)} |`);
}

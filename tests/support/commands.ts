import { TECHNIQUE_IDS } from '../../lambda/guide/catalog';
import { CONCERNS, type Command, type CommandType } from '../../lambda/guide/commands';

/**
 * Every command the guide knows, by type, with the edge values of each (no
 * number, 0, past the end, absurd). Keyed by the command types, so a new
 * command does not compile until it has examples here; every suite that
 * walks all commands (reducer, speech, locales, fuzz) takes them from here.
 */
const EXAMPLES: { readonly [K in CommandType]: readonly Extract<Command, { type: K }>[] } = {
  launch: [{ type: 'launch' }],
  start: [...TECHNIQUE_IDS, null].map((technique) => ({ type: 'start', technique }) as const),
  startRoutine: [{ type: 'startRoutine' }],
  next: [{ type: 'next' }],
  previous: [{ type: 'previous' }],
  repeat: [{ type: 'repeat' }],
  startOver: [{ type: 'startOver' }],
  goTo: [null, -3, 0, 1, 2, 3, 4, 99, 1e15, 'last' as const].map((step) => ({ type: 'goTo', step }) as const),
  skip: [
    { type: 'skip', technique: null, bothFeet: false },
    ...TECHNIQUE_IDS.flatMap((technique) => [false, true].map((bothFeet) => ({ type: 'skip', technique, bothFeet }) as const)),
  ],
  switchFoot: [{ type: 'switchFoot' }],
  whichFoot: [{ type: 'whichFoot' }],
  thanks: [{ type: 'thanks' }],
  time: [
    { type: 'time', span: 'now' },
    { type: 'time', span: 'routine' },
  ],
  whereAmI: [{ type: 'whereAmI' }],
  list: [{ type: 'list' }],
  help: [{ type: 'help' }],
  yes: [{ type: 'yes' }],
  no: [{ type: 'no' }],
  home: [{ type: 'home' }],
  stop: [{ type: 'stop' }],
  pause: [{ type: 'pause' }],
  resume: [{ type: 'resume' }],
  timing: [
    { type: 'timing', on: true },
    { type: 'timing', on: false },
  ],
  pace: (['slower', 'faster', 'normal', null] as const).map((change) => ({ type: 'pace', change }) as const),
  knowledge: [
    ...(['benefits', 'oils', 'safety'] as const).map((topic) => ({ type: 'knowledge', topic }) as const),
    ...CONCERNS.map((concern) => ({ type: 'knowledge', topic: 'safety', concern }) as const),
  ],
  fallback: [{ type: 'fallback' }],
  error: [{ type: 'error' }],
};

export const EVERY_COMMAND: readonly Command[] = Object.values(EXAMPLES).flat();

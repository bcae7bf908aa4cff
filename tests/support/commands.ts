import { TECHNIQUE_IDS } from '../../lambda/guide/catalog';
import { CONCERNS, type Command } from '../../lambda/guide/commands';

/** Every command the guide knows, with the edge values of each (no number, 0, past the end, absurd). */
export const EVERY_COMMAND: readonly Command[] = [
  { type: 'launch' },
  ...TECHNIQUE_IDS.map((technique): Command => ({ type: 'start', technique })),
  { type: 'start', technique: null },
  { type: 'next' }, { type: 'previous' }, { type: 'repeat' }, { type: 'startOver' },
  ...[null, -3, 0, 1, 2, 3, 4, 99, 1e15].map((step): Command => ({ type: 'goTo', step })),
  { type: 'whereAmI' }, { type: 'list' }, { type: 'help' }, { type: 'yes' }, { type: 'no' },
  { type: 'home' }, { type: 'stop' }, { type: 'fallback' }, { type: 'error' },
  { type: 'pause' }, { type: 'resume' }, { type: 'startRoutine' }, { type: 'skip', technique: null, bothFeet: false },
  ...TECHNIQUE_IDS.flatMap((technique) => [false, true].map((bothFeet): Command => ({ type: 'skip', technique, bothFeet }))),
  { type: 'goTo', step: 'last' }, { type: 'switchFoot' }, { type: 'whichFoot' }, { type: 'thanks' },
  { type: 'time', span: 'now' }, { type: 'time', span: 'routine' },
  { type: 'timing', on: true }, { type: 'timing', on: false },
  ...(['slower', 'faster', 'normal', null] as const).map((change): Command => ({ type: 'pace', change })),
  ...(['benefits', 'oils', 'safety'] as const).map((topic): Command => ({ type: 'knowledge', topic })),
  ...CONCERNS.map((concern): Command => ({ type: 'knowledge', topic: 'safety', concern })),
];

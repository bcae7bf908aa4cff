import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { interfaces } from 'ask-sdk-model';
import { isTechniqueId } from '../guide/catalog';
import type { Command } from '../guide/commands';
import { respond, type TurnDeps } from './turn';

/**
 * A touch on the screen means what the same words would: each action a
 * button sends (voice/display.ts) maps to the command its voice intent maps to.
 */
const TOUCH_COMMANDS: Readonly<Record<string, Command>> = {
  next: { type: 'next' },
  previous: { type: 'previous' },
  repeat: { type: 'repeat' },
  pause: { type: 'pause' },
  routine: { type: 'startRoutine' },
  home: { type: 'home' },
};

function touchCommand(args: unknown): Command {
  const action: unknown = Array.isArray(args) ? args[0] : undefined;
  if (typeof action !== 'string') return { type: 'fallback' };
  if (action.startsWith('start:')) {
    const id = action.slice('start:'.length);
    return { type: 'start', technique: isTechniqueId(id) ? id : null };
  }
  return Object.prototype.hasOwnProperty.call(TOUCH_COMMANDS, action) ? TOUCH_COMMANDS[action] : { type: 'fallback' };
}

export function touchHandler(deps: TurnDeps): RequestHandler {
  return {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'Alexa.Presentation.APL.UserEvent',
    handle: (input) => respond(input, touchCommand((input.requestEnvelope.request as interfaces.alexa.presentation.apl.UserEvent).arguments), deps),
  };
}

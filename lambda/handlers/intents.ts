import type { IntentRequest } from 'ask-sdk-model';
import type { Command } from '../guide/commands';
import type { Voice } from '../voice/i18n';
import { isRecord } from '../json';
import { bothFeetSlot, concernSlot, paceSlot, stepSlot, techniqueSlot } from './slots';

/**
 * Every intent the skill answers, and the command each one means. This table
 * is the whole mapping from speech to the guide: the consistency tests check
 * it against the interaction models, so an intent cannot be added to one
 * without the other.
 */
const INTENT_COMMANDS: Readonly<Record<string, (request: IntentRequest, voice: Voice) => Command>> = {
  StartTechniqueIntent: (r) => ({ type: 'start', technique: techniqueSlot(r.intent) }),
  StartRoutineIntent: () => ({ type: 'startRoutine' }),
  SkipTechniqueIntent: (r) => ({ type: 'skip', technique: techniqueSlot(r.intent), bothFeet: bothFeetSlot(r.intent) }),
  SwitchFootIntent: () => ({ type: 'switchFoot' }),
  WhichFootIntent: () => ({ type: 'whichFoot' }),
  ThanksIntent: () => ({ type: 'thanks' }),
  TimeIntent: () => ({ type: 'time', span: 'now' }),
  RoutineTimeIntent: () => ({ type: 'time', span: 'routine' }),
  TimingOnIntent: () => ({ type: 'timing', on: true }),
  TimingOffIntent: () => ({ type: 'timing', on: false }),
  SetPaceIntent: (r) => ({ type: 'pace', change: paceSlot(r.intent) }),
  BenefitsIntent: () => ({ type: 'knowledge', topic: 'benefits' }),
  OilsIntent: () => ({ type: 'knowledge', topic: 'oils' }),
  SafetyIntent: (r) => ({ type: 'knowledge', topic: 'safety', concern: concernSlot(r.intent) }),
  GoToStepIntent: (r, voice) => ({ type: 'goTo', step: stepSlot(r.intent, voice.numbers) }),
  WhereAmIIntent: () => ({ type: 'whereAmI' }),
  ListTechniquesIntent: () => ({ type: 'list' }),
  'AMAZON.NextIntent': () => ({ type: 'next' }),
  'AMAZON.PreviousIntent': () => ({ type: 'previous' }),
  'AMAZON.RepeatIntent': () => ({ type: 'repeat' }),
  'AMAZON.StartOverIntent': () => ({ type: 'startOver' }),
  'AMAZON.YesIntent': () => ({ type: 'yes' }),
  'AMAZON.NoIntent': () => ({ type: 'no' }),
  'AMAZON.HelpIntent': () => ({ type: 'help' }),
  'AMAZON.NavigateHomeIntent': () => ({ type: 'home' }),
  'AMAZON.PauseIntent': () => ({ type: 'pause' }),
  'AMAZON.ResumeIntent': () => ({ type: 'resume' }),
  'AMAZON.StopIntent': () => ({ type: 'stop' }),
  'AMAZON.CancelIntent': () => ({ type: 'stop' }),
  'AMAZON.FallbackIntent': () => ({ type: 'fallback' }),
};

export const HANDLED_INTENTS: readonly string[] = Object.keys(INTENT_COMMANDS);

/**
 * The command an intent request means. An intent we do not know (a model
 * newer than the code, a forged request) is treated as not understood.
 */
export function intentCommand(request: IntentRequest, voice: Voice): Command {
  // Typed as always there, but a forged request may carry no intent.
  const intent: unknown = request.intent;
  const name = isRecord(intent) ? intent.name : undefined;
  const toCommand = typeof name === 'string' && Object.prototype.hasOwnProperty.call(INTENT_COMMANDS, name) ? INTENT_COMMANDS[name] : undefined;
  return toCommand ? toCommand(request, voice) : { type: 'fallback' };
}

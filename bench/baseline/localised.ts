import * as Alexa from 'ask-sdk-core';
import i18next, { type TFunction } from 'i18next';
import { languageStrings } from './languageStrings';

/**
 * What the localised peers share: localisation the way Amazon's i18n
 * templates do it (a request interceptor hands each request a `t` for its
 * locale), except that i18next is initialised once at load, as a careful
 * developer would, rather than on every request; and the one handler.
 */
void i18next.init({ initAsync: false, resources: languageStrings, fallbackLng: 'en', returnNull: false });

type WithT = Alexa.HandlerInput & { t: TFunction };

export const localisation: Alexa.RequestInterceptor = {
  process(handlerInput) {
    (handlerInput as WithT).t = i18next.getFixedT(Alexa.getLocale(handlerInput.requestEnvelope));
  },
};

export const welcome: Alexa.RequestHandler = {
  // The launch handler takes every request, so any request of a cold start is answered.
  canHandle: () => true,
  handle(handlerInput) {
    const { t } = handlerInput as WithT;
    return handlerInput.responseBuilder.speak(t('WELCOME_MSG')).reprompt(t('HELP_MSG')).getResponse();
  },
};

/**
 * What the Lambda bundle gets for `ask-sdk-model` (lambda/local/bundle.ts
 * swaps it in). ask-sdk-model is the Alexa request and response types, which
 * cost nothing at run time, plus 61 KB of clients for Alexa's service APIs
 * (addresses, lists, reminders...), a third of the bundle, which a cold start
 * would compile and run. ask-sdk-core reads one thing from it when it loads,
 * `services.ServiceClientFactory`, and constructs one only for a skill built
 * `withApiClient`. This skill calls no Alexa API, so it gets a factory that
 * says so instead of failing somewhere odd (tests/build/bundle.test.ts keeps
 * every module in the bundle free of API clients).
 */
export const NO_API_CLIENT =
  'This Lambda bundle carries no Alexa service API clients (lambda/bundle/askSdkModel.ts stands in for ask-sdk-model): take ask-sdk-model out of SUBSTITUTES in lambda/local/bundle.ts to use withApiClient.';

// A class, because ask-sdk-core constructs it with `new` when a skill asks for an API client; only
// its constructor matters, and it refuses with words.
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- see above
class ServiceClientFactory {
  constructor() {
    throw new Error(NO_API_CLIENT);
  }
}

export const services = { ServiceClientFactory };

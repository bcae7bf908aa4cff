/**
 * What the Lambda bundle gets for `import ... from 'ask-sdk-core'`
 * (lambda/local/bundle.ts swaps it in): only the parts the skill runs.
 * ask-sdk-core's index loads every module it has (the API client, image and
 * text helpers, viewport and SSML utilities, components), about 14 KB that a
 * cold start would compile and run for nothing.
 *
 * Tests, tsc and the local tools use the real package. A value imported from
 * 'ask-sdk-core' that is not re-exported here fails `npm run build` ("No
 * matching export"): add it here. Types need nothing.
 */
export { SkillBuilders } from 'ask-sdk-core/dist/skill/SkillBuilders';
export { getRequestType, getSupportedInterfaces } from 'ask-sdk-core/dist/util/RequestEnvelopeUtils';

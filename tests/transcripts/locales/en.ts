import { newConversation, transcript } from '../../support/transcript';

// The regional English locales: their own model (with regional phrasings) and
// their own words where they differ from en (lambda/locales/en-GB/ …).

const regions = [
  { locale: 'en-GB', next: "let's crack on", yes: 'go on then', goodbye: 'bye for now' },
  { locale: 'en-CA', next: 'okay next one eh', yes: 'for sure', goodbye: 'enjoy your relaxed feet. goodbye' },
  { locale: 'en-AU', next: 'righto next', yes: 'too right', goodbye: 'see you next time' },
  { locale: 'en-IN', next: 'go next', yes: 'haan', goodbye: 'thank you, and goodbye' },
] as const;

test.each(regions)('$locale: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async ({ locale, next, goodbye }) => {
  // One device, so the second visit finds the first one's place.
  const conversation = newConversation(locale);
  await transcript(
    `
    U: open foot massage guide
    A: welcome to foot massage guide | which one would you like
    U: the achilles stretch
    A: the ankle stretch | step 1 of 3 | ankle bones
    U: ${next}
    A: step 2 | achilles
    U: say that again
    A: step 2 | achilles
    U: go back
    A: step 1 of 3 | ankle bones
    U: go to step two
    A: step 2 | achilles
    U: where am i
    A: you're on step 2 of 3 of the ankle stretch | one more step after this one
    U: help
    A: say next for the next step
    U: stop
    A!: stopping at step 2 of 3 of the ankle stretch
  `,
    { locale, conversation },
  );
  await transcript(
    `
    U: open foot massage guide
    A: welcome back | step 2 of 3 of the ankle stretch
    U: start over
    A: back to the top of the ankle stretch
    U: go to step three
    A: step 3, the last one
    U: next
    A: you've finished the ankle stretch | the ankle stretch on the other foot
    U: no
    A: how about relaxing the heel
    U: goodbye
    A!: ${goodbye}
  `,
    { locale, conversation },
  );
});

test.each(regions)('$locale: a regional yes takes up the offered technique', async ({ locale, yes }) => {
  await transcript(
    `
    U: ask foot massage guide for the toes
    A: the toes | step 1 of 2
    U: next
    U: next
    A: you've finished the toes | the toes on the other foot
    U: no
    A: how about the finishing strokes
    U: ${yes}
    A: finishing strokes | step 1 of 2
  `,
    { locale },
  );
});

import { newConversation, transcript } from '../../support/transcript';

test('nl-NL: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async () => {
  await transcript(
    `
    U: open voetmassage gids
    A: welkom bij de voetmassagegids | welke wil je doen
    U: ik wil de enkel rekken
    A: we doen de enkelstretch | stap 1 van 3 | duimtoppen
    U: volgende
    A: stap 2 | achillespees
    U: herhaal
    A: stap 2 | achillespees
    U: terug
    A: stap 1 van 3 | enkelbotjes
    U: ga naar stap twee
    A: stap 2 | achillespees
    U: waar ben ik
    A: stap 2 van 3 van de enkelstretch | hierna komt nog één stap
    U: help
    A: zeg volgende voor de volgende stap | terug | herhaal
    U: stop
    A!: stap 2 van 3 | doorgaan | tot ziens
  `,
    { locale: 'nl-NL' },
  );
});

test('nl-NL: one-shot start, fillers, nonsense, steps left, pace, timer, skip and pause', async () => {
  await transcript(
    `
    U: Alexa, vraag voetmassage gids om de voetzool
    A: de voetzoolmassage | stap 1 van 4 | top van je duim
    U: oké volgende graag
    A: stap 2 | voetboog
    U: ehm nog een keer alsjeblieft
    A: stap 2 | buitenrand
    U?: boerenkool met rookworst
    A: niet verstaan | stap 2 van 4
    U: hoeveel stappen komen er nog
    A: hierna komen nog 2 stappen
    U: kun je iets langzamer praten
    A: langzamer | meer tijd
    U: zonder timer
    A: geen timer meer
    U: stap drie graag
    A: stap 3 | volgende baan
    U: deze sla ik over
    A: we slaan de voetzoolmassage over | de tenenmassage | stap 1 van 2
    U: wacht even
    A!: gepauzeerd bij stap 1 van 2 | de tenenmassage | voetmassage gids
  `,
    { locale: 'nl-NL' },
  );
});

test('nl-NL: the whole massage, questions on the way, pause and pick up again', async () => {
  const conversation = newConversation('nl-NL');
  await transcript(
    `
    U: start voetmassage gids
    A: welkom
    U: de hele massage graag
    A: de hele massage | de opwarming | stap 1 van 2 | draagolie
    U: welke olie moet ik gebruiken
    A: amandelolie | lavendel
    U: is dit veilig
    A: geen medisch advies | diabetes
    U: wat levert het op
    A: voetreflexologie
    U: klaar
    A: stap 2, de laatste | glijdende streken
    U: waar zijn we nu
    A: eerste voet van de hele massage | nog 5 technieken aan deze voet
    U: sla deze techniek over
    A: we slaan de opwarming over | en nu de enkelstretch
    U: even pauze
    A!: gepauzeerd bij stap 1 van 3 | de enkelstretch
    U: open voetmassage gids
    A: welkom terug | stap 1 van 3 | de enkelstretch | doorgaan
    U: ga maar door
    A: we gaan verder waar je gebleven was | stap 1 van 3
    U: terug naar het hoofdmenu
    A: terug naar het overzicht | de opwarming, de enkelstretch, de hielmassage, de voetzoolmassage, de tenenmassage en de afsluiting
    U: ja graag
    A: we gaan verder waar je gebleven was | stap 1 van 3
    U: laat maar
    A!: tot ziens
  `,
    { locale: 'nl-NL', conversation },
  );
});

test('nl-NL: everyday phrasings from the native review, oily hands, a pause and a finish', async () => {
  const conversation = newConversation('nl-NL');
  await transcript(
    `
    U: Alexa, start voetmassage gids alsjeblieft
    A: welkom
    U: oké eerst de olie uitsmeren
    A: we doen de opwarming | stap 1 van 2 | draagolie
    U: tempo omhoog
    A: iets sneller
    U: gedaan wat nu
    A: stap 2, de laatste | glijdende streken
    U: sorry ik verstond je niet
    A: stap 2, de laatste | glijdende streken
    U: hielcirkels graag
    A: we doen de hielmassage | stap 1 van 2 | muis van je hand
    U: zonder tijd alsjeblieft
    A: geen timer meer
    U: hou even stil
    A!: gepauzeerd bij stap 1 van 2 | de hielmassage
    U: open voetmassage gids
    A: welkom terug | stap 1 van 2 | de hielmassage
    U: ik ben er weer klaar voor
    A: we gaan verder waar je gebleven was | stap 1 van 2
    U: drukken met de duimen
    A: we doen de voetzoolmassage | stap 1 van 4 | top van je duim
    U: tel de seconden
    A: tel ik met je mee
    U: laten we afronden
    A: we doen de afsluiting | stap 1 van 2 | handpalmen
    U: ik ben klaar met deze
    A: stap 2, de laatste | handdoek
    U: ik ben klaar met deze
    A: dat was de afsluiting | ook aan de andere voet
    U: niet nodig
    A: wil je de opwarming doen
    U: laat maar
    A!: tot ziens
  `,
    { locale: 'nl-NL', conversation },
  );
});

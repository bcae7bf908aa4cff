import { newConversation, transcript } from '../../support/transcript';

test('de-DE: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async () => {
  await transcript(
    `
    U: öffne fußmassage anleitung
    A: willkommen | welche technik möchtest du
    U: mach die knöcheldehnung
    A: knöchel dehnen | schritt 1 von 3 | daumen
    U: weiter
    A: schritt 2 | achillessehne
    U: wiederhol das
    A: schritt 2 | achillessehne
    U: zurück
    A: schritt 1 von 3 | daumenkuppen
    U: geh zu schritt zwei
    A: schritt 2 | achillessehne
    U: wo bin ich
    A: du bist bei knöchel dehnen, schritt 2 von 3 | danach kommt noch ein schritt
    U: hilfe
    A: sag weiter für den nächsten schritt | zurück | wiederholen
    U: stopp
    A!: schritt 2 von 3 | weitermachen | tschüss
  `,
    { locale: 'de-DE' },
  );
});

test('de-DE: one-shot start, fillers, nonsense, steps left, pace, timer, skip and pause', async () => {
  await transcript(
    `
    U: Alexa, frag Fußmassage Anleitung nach der Fußsohle
    A: fußsohle lösen | schritt 1 von 4 | daumenkuppe
    U: okay weiter bitte
    A: schritt 2 | fußgewölbe
    U: ähm noch mal bitte
    A: schritt 2 | außenrand
    U?: kartoffelsalat mit würstchen
    A: nicht verstanden | schritt 2 von 4
    U: wie viele schritte kommen noch
    A: danach kommen noch 2 schritte
    U: kannst du bitte etwas langsamer sprechen
    A: langsamer | mehr zeit
    U: ohne timer
    A: kein timer mehr
    U: schritt drei bitte
    A: schritt 3 | nächsten streifen
    U: das will ich nicht machen
    A: wir überspringen fußsohle lösen | zehen lockern | schritt 1 von 2
    U: mach mal pause
    A!: pause bei zehen lockern, schritt 1 von 2 | fußmassage anleitung
  `,
    { locale: 'de-DE' },
  );
});

test('de-DE: the whole massage, questions on the way, pause and pick up again', async () => {
  const conversation = newConversation('de-DE');
  await transcript(
    `
    U: starte fußmassage anleitung
    A: willkommen
    U: die ganze massage bitte
    A: ganze massage | aufwärmen | schritt 1 von 2 | trägeröl
    U: welches öl soll ich nehmen
    A: mandelöl | lavendelöl
    U: ist das sicher
    A: keine medizinische beratung | diabetes
    U: was bringt das überhaupt
    A: reflexzonenmassage
    U: fertig
    A: schritt 2, der letzte | gleitende
    U: wo sind wir gerade
    A: in der ganzen massage am ersten fuß | noch 5 techniken
    U: überspring die technik
    A: wir überspringen aufwärmen | als nächstes: knöchel dehnen
    U: moment bitte
    A!: pause bei knöchel dehnen, schritt 1 von 3
    U: öffne fußmassage anleitung
    A: willkommen zurück | schritt 1 von 3 | knöchel dehnen | weitermachen
    U: mach weiter
    A: wir machen mit knöchel dehnen weiter | schritt 1 von 3
    U: zum hauptmenü
    A: zurück zum hauptmenü | aufwärmen, knöchel dehnen, ferse entspannen, fußsohle lösen, zehen lockern und ausstreichen zum abschluss
    U: ja gerne
    A: wir machen mit knöchel dehnen weiter | schritt 1 von 3
    U: vergiss es
    A!: tschüss
  `,
    { locale: 'de-DE', conversation },
  );
});

test('de-DE: how people really talk mid-massage — casual names, blunt navigation, a short break and back', async () => {
  const conversation = newConversation('de-DE');
  await transcript(
    `
    U: Alexa, öffne die Fußmassage Anleitung
    A: willkommen | welche technik möchtest du
    U: können wir das gewölbe massieren
    A: fußsohle lösen | schritt 1 von 4 | daumenkuppe
    U: hab ich
    A: schritt 2 | fußgewölbe
    U: ups, zu weit
    A: schritt 1 von 4 | grundgriff
    U: nochmal den letzten satz
    A: schritt 1 von 4 | daumenkuppe
    U: zählen ausschalten
    A: kein timer mehr
    U: was ist das für ein schritt
    A: du bist bei fußsohle lösen, schritt 1 von 4
    U: keine lust auf die technik
    A: wir überspringen fußsohle lösen | zehen lockern | schritt 1 von 2
    U: okay, weiter zum nächsten
    A: schritt 2, der letzte | zehenspitze
    U: stopp kurz
    A!: pause bei zehen lockern, schritt 2 von 2 | mach weiter
    U: öffne fußmassage anleitung
    A: willkommen zurück | zehen lockern | weitermachen
    U: lass uns weiter machen
    A: wir machen mit zehen lockern weiter | schritt 2, der letzte | zehenspitze
    U: fertig
    A: zehen lockern ist geschafft | möchtest du zehen lockern auch am anderen fuß machen
    U: die abschlussstriche
    A: ausstreichen zum abschluss | schritt 1 von 2 | handflächen
    U: zurück zum normalen tempo
    A: normalen tempo
    U: ich hab nur creme
    A: trägeröl | mandelöl
    U: ich mag nicht mehr
    A!: schritt 1 von 2 | fußmassage anleitung | tschüss
  `,
    { locale: 'de-DE', conversation },
  );
});

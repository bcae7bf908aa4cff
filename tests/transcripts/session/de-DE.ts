import { transcript } from '../../support/transcript';

// A real massage session, the way people talk through one (de-DE, through the real model).
// One test per capability; the same in en-US, es-ES, fr-FR and ja-JP beside this file.
const de = { locale: 'de-DE' };

test('de-DE: skipping a technique by name never starts it; in the routine it is left out, on this foot or both', async () => {
  await transcript(
    `
    U: öffne fußmassage anleitung
    A: welche technik möchtest du
    U: lass die zehen weg
    A: zehen lockern lassen wir weg | wie wär's mit ausstreichen zum abschluss
    U: die ganze massage
    A: ganze massage | aufwärmen | schritt 1 von 2
    U: heute keine zehen
    A: zehen lockern lassen wir an diesem fuß aus | in der ganzen massage am ersten fuß | noch 4 techniken
    U: lass die ferse an beiden füßen weg
    A: ferse entspannen lassen wir an beiden füßen aus | noch 3 techniken
    U: überspringen
    A: wir überspringen aufwärmen | als nächstes: knöchel dehnen | schritt 1 von 3
  `,
    de,
  );
});

test('de-DE: naming a technique mid-routine stays in the routine; wo bin ich says so; zurück zur ganzen massage returns', async () => {
  await transcript(
    `
    U: mach die ganze massage
    A: aufwärmen | schritt 1 von 2
    U: lieber die ferse
    A: wir bleiben in der ganzen massage, am ersten fuß | ferse entspannen | schritt 1 von 2
    U: wo bin ich
    A: du bist bei ferse entspannen, schritt 1 von 2 | in der ganzen massage am ersten fuß | noch 5 techniken
    U: zurück zur ganzen massage
    A: zurück zur ganzen massage: am ersten fuß geht es mit aufwärmen weiter | schritt 1 von 2
    U: stopp
    A!: du warst bei aufwärmen, schritt 1 von 2 | in der ganzen massage am ersten fuß | tschüss
  `,
    de,
  );
});

test('de-DE: feet, in the routine and on a single technique', async () => {
  await transcript(
    `
    U: die ganze massage
    A: aufwärmen | schritt 1 von 2
    U: an welchem fuß bin ich
    A: in der ganzen massage am ersten fuß | noch 5 techniken, dann der andere fuß
    U: ich bin mit diesem fuß fertig
    A: der erste fuß ist fertig | wechsle jetzt zum anderen fuß | aufwärmen | schritt 1 von 2
    U: welcher fuß ist das
    A: am zweiten fuß | noch 5 techniken, dann ist die massage fertig
    U: zurück
    A: zurück zum ersten fuß, zum letzten schritt von ausstreichen zum abschluss | schritt 2, der letzte
    U: fuß wechseln
    A: der erste fuß ist fertig | aufwärmen | schritt 1 von 2
  `,
    de,
  );
  await transcript(
    `
    U: mach zehen lockern
    A: zehen lockern | schritt 1 von 2
    U: weiter
    A: schritt 2, der letzte
    U: weiter
    A: zehen lockern ist geschafft | möchtest du zehen lockern auch am anderen fuß machen
    U: ja
    A: jetzt kommt zehen lockern am anderen fuß dran | schritt 1 von 2
    U: welcher fuß
    A: du machst zehen lockern am zweiten fuß
    U: der andere fuß
    A: jetzt kommt zehen lockern am anderen fuß dran | schritt 1 von 2
  `,
    de,
  );
});

test('de-DE: after the list, "die dritte", "nummer vier", "die letzte" pick a technique; mid-technique they are steps', async () => {
  await transcript(
    `
    U: öffne fußmassage anleitung
    A: ich kenne 6 techniken | welche technik möchtest du
    U: die dritte
    A: ferse entspannen | schritt 1 von 2
    U: welche techniken gibt es
    A: ich kenne 6 techniken
    U: nummer vier
    A: fußsohle lösen | schritt 1 von 4
    U: die dritte
    A: schritt 3 | nächsten streifen
    U: geh zum letzten schritt
    A: schritt 4, der letzte
    U: hauptmenü
    A: zurück zum hauptmenü | ich kenne 6 techniken
    U: die letzte
    A: ausstreichen zum abschluss | schritt 1 von 2
  `,
    de,
  );
});

test('de-DE: thanks mid-step keep the place and the session; a clear closing ends it', async () => {
  await transcript(
    `
    U: mach knöchel dehnen
    A: knöchel dehnen | schritt 1 von 3
    U: danke
    A: gern geschehen | sag weiter
    U: vielen dank
    A: gern geschehen
    U: weiter
    A: schritt 2
    U: danke das wars
    A!: du warst bei knöchel dehnen, schritt 2 von 3 | tschüss
  `,
    de,
  );
});

test('de-DE: how long, how much longer, how long the whole massage takes', async () => {
  await transcript(
    `
    U: wie lange dauert die ganze massage
    A: die ganze massage an beiden füßen dauert in diesem tempo etwa
    U: die ganze massage
    A: aufwärmen | schritt 1 von 2
    U: wie lange muss ich das halten
    A: dieser schritt dauert etwa | ab hier dauert aufwärmen noch etwa | und der rest der massage etwa
    U: weiter
    A: schritt 2
    U: wie lange noch
    A: dieser schritt dauert etwa | ab hier dauert aufwärmen noch etwa | und der rest der massage etwa
  `,
    de,
  );
});

test('de-DE: safety questions get the answer to what was asked', async () => {
  await transcript(
    `
    U: ich bin schwanger ist das okay
    A: in der schwangerschaft meist in ordnung | hebamme
    U: was ist bei diabetes
    A: bei diabetes | podologische praxis
    U: ist das für kinder okay
    A: kinder mögen eine sanfte fußmassage
    U: meine oma hat krampfadern geht das bei ihr
    A: drück nicht auf krampfadern
    U: ist das sicher
    A: keine medizinische beratung | blutgerinnsel
  `,
    de,
  );
});

test('de-DE: the last step, der letzte schritt, ans ende', async () => {
  await transcript(
    `
    U: mach fußsohle lösen
    A: fußsohle lösen | schritt 1 von 4
    U: geh zum letzten schritt
    A: schritt 4, der letzte
    U: zurück
    A: schritt 3
    U: der letzte schritt
    A: schritt 4, der letzte
    U: von vorne
    A: wir fangen fußsohle lösen noch mal von vorne an | schritt 1 von 4
    U: spring ans ende
    A: schritt 4, der letzte
    U: zurück zum letzten schritt
    A: schritt 3
  `,
    de,
  );
});

test('de-DE: after a question mid-step, weitermachen returns to the same step; weiter goes on', async () => {
  await transcript(
    `
    U: mach ferse entspannen
    A: ferse entspannen | schritt 1 von 2
    U: kann ich olivenöl nehmen
    A: trägeröl | sag weitermachen, dann hörst du schritt 1 von ferse entspannen noch mal
    U: okay mach weiter
    A: weiter mit ferse entspannen | schritt 1 von 2 | heb den fuß
    U: was bringt das überhaupt
    A: reflexzonenmassage
    U: zurück zur übung
    A: weiter mit ferse entspannen | schritt 1 von 2
    U: welches öl soll ich nehmen
    A: trägeröl
    U: okay
    A: weiter mit ferse entspannen | schritt 1 von 2
    U: weiter
    A: schritt 2, der letzte
  `,
    de,
  );
});

import { newConversation, transcript } from '../../support/transcript';

test('es-MX: abrir, una técnica por sinónimo, siguiente, repite, atrás, paso 2, dónde estoy, ayuda, salir', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    A: te doy la bienvenida | cuál quieres hacer
    U: el tendón de aquiles
    A: los estiramientos del tobillo | paso 1 de 3 | huesos del tobillo
    U: el que sigue
    A: paso 2 | tendón de aquiles
    U: mande
    A: paso 2 | tendón de aquiles
    U: regresa
    A: paso 1 de 3 | huesos del tobillo
    U: ve al paso 2
    A: paso 2 | tendón de aquiles
    U: en qué paso ando
    A: estás en el paso 2 de 3 de los estiramientos del tobillo | queda un paso más
    U: ayuda
    A: di siguiente para pasar al próximo paso | te guardo el lugar
    U: ya estuvo
    A!: de acuerdo, paramos en el paso 2 de 3 de los estiramientos del tobillo | hasta luego
  `,
    { locale: 'es-MX' },
  );
});

test('es-MX: a la mexicana, con muletillas, petición directa y algo sin sentido', async () => {
  await transcript(
    `
    U: Alexa, pídele a guía de masaje de pies que me enseñe la planta
    A: vamos con la planta del pie | paso 1 de 4 | yema del pulgar
    U: órale, siguiente
    A: paso 2 | cerca del talón
    U: ándale pues, siguiente por favor
    A: paso 3 | franja por franja
    U: cómo dice
    A: paso 3 | franja por franja
    U: bríncate esta
    A: nos saltamos la planta del pie | vamos con los dedos | paso 1 de 2
    U?: el pingüino baila un tango en la luna
    A: perdón, no te entendí | paso 1 de 2 de los dedos
    U: qué hago en el paso dos
    A: paso 2, el último | dedo gordo
    U: ahorita vuelvo
    A!: pausa en el paso 2 de 2 de los dedos | pídele a guía de masaje de pies que continúe
  `,
    { locale: 'es-MX' },
  );
});

test('es-MX: con las manos llenas de aceite, dicho como se dice en México', async () => {
  const conversation = newConversation('es-MX');
  await transcript(
    `
    U: Alexa, ábreme guía de masaje de pies
    A: te doy la bienvenida | cuál quieres hacer
    U: quiero darle masaje a los dedos
    A: vamos con los dedos | paso 1 de 2
    U: órale, ya quedó
    A: paso 2, el último | dedo gordo
    U: regrésate
    A: paso 1 de 2
    U: no le entendí
    A: paso 1 de 2
    U: apúrale un poco
    A: un poco más rápido | paso 1
    U: quítale el timer
    A: ya no cuento el tiempo
    U: dale masaje al talón
    A: vamos con la relajación del talón | paso 1 de 2
    U: bríncatela
    A: nos saltamos la relajación del talón | la planta del pie | paso 1 de 4
    U: el talón de aquiles
    A: los estiramientos del tobillo | paso 1 de 3
    U: pásale al que sigue
    A: paso 2 | tendón de aquiles
    U: aguanta tantito
    A!: hacemos una pausa en el paso 2 de 3 de los estiramientos del tobillo
  `,
    { locale: 'es-MX', conversation },
  );
  await transcript(
    `
    U: abre guía de masaje de pies porfa
    A: hola de nuevo | paso 2 de 3 de los estiramientos del tobillo
    U: ya volví
    A: seguimos donde lo dejaste | paso 2
    U: ya estuvo bueno
    A!: paramos en el paso 2 de 3 de los estiramientos del tobillo | hasta luego
  `,
    { locale: 'es-MX', conversation },
  );
});

import { newConversation, transcript } from '../../support/transcript';

test('es-US: abrir, una técnica por sinónimo, siguiente, repite, atrás, paso 2, dónde estoy, ayuda, adiós', async () => {
  await transcript(
    `
    U: guía de masaje de pies
    A: te doy la bienvenida | cuál quieres hacer
    U: quiero practicar el masaje de la planta
    A: la planta del pie | paso 1 de 4 | yema del pulgar
    U: próximo paso
    A: paso 2 | cerca del talón
    U: otra vez
    A: paso 2 | cerca del talón
    U: paso anterior
    A: paso 1 de 4 | yema del pulgar
    U: llévame al paso dos
    A: paso 2 | cerca del talón
    U: me perdí
    A: estás en el paso 2 de 4 de la planta del pie | quedan 2 pasos más
    U: necesito ayuda
    A: di siguiente para pasar al próximo paso | más despacio o más rápido
    U: bye
    A!: de acuerdo, paramos en el paso 2 de 4 | hasta luego
  `,
    { locale: 'es-US' },
  );
});

test('es-US: rutina completa de una vez, muletillas, un break y algo sin sentido', async () => {
  const conversation = newConversation('es-US');
  await transcript(
    `
    U: Alexa, pregúntale a guía de masaje de pies por la rutina completa
    A: hagamos la rutina completa | vamos con los deslizamientos de calentamiento | paso 1 de 2
    U: okay, dale, siguiente
    A: paso 2, el último | deslizamientos largos
    U: dónde estoy
    A: vas por el primer pie de la rutina completa | quedan 5 más en este pie
    U?: mi carro necesita gasolina premium
    A: perdón, no te entendí | paso 2 de 2
    U: más despacio por favor
    A: voy más despacio | paso 2
    U: tomemos un break
    A!: hacemos una pausa en el paso 2 de 2 de los deslizamientos de calentamiento
  `,
    { locale: 'es-US', conversation },
  );
  await transcript(
    `
    U: Alexa, pídele a guía de masaje de pies que continúe
    A: seguimos donde lo dejaste | paso 2
    U: ya está
    A: ahora, los estiramientos del tobillo | paso 1 de 3
    U: adiós
    A!: paramos en el paso 1 de 3 de los estiramientos del tobillo | hasta luego
  `,
    { locale: 'es-US', conversation },
  );
});

test('es-US: con las manos llenas de aceite, dicho como se dice en Estados Unidos', async () => {
  const conversation = newConversation('es-US');
  await transcript(
    `
    U: Alexa, abre la guía de masaje de pies por favor
    A: te doy la bienvenida | cuál quieres hacer
    U: quiero ponerle el aceite
    A: los deslizamientos de calentamiento | paso 1 de 2
    U: okay, pasa al próximo
    A: paso 2, el último | deslizamientos largos
    U: pa atrás
    A: paso 1 de 2
    U: apaga el timer
    A: ya no cuento el tiempo
    U: no vayas tan rápido
    A: voy más despacio
    U: sóbame el tobillo
    A: los estiramientos del tobillo | paso 1 de 3
    U: el tendón
    A: los estiramientos del tobillo | paso 1 de 3
    U: qué es lo siguiente
    A: paso 2 | tendón de aquiles
    U: me va a doler
    A: no es un consejo médico | el paso 2 de los estiramientos del tobillo
    U: pon el timer
    A: te voy a contar el tiempo
    U: al rato seguimos
    A!: hacemos una pausa en el paso 2 de 3 de los estiramientos del tobillo
  `,
    { locale: 'es-US', conversation },
  );
  await transcript(
    `
    U: abre guía de masaje de pies
    A: hola de nuevo | paso 2 de 3 de los estiramientos del tobillo
    U: seguimos donde nos quedamos
    A: seguimos donde lo dejaste | paso 2
    U: ya terminamos
    A!: paramos en el paso 2 de 3 de los estiramientos del tobillo | hasta luego
  `,
    { locale: 'es-US', conversation },
  );
});

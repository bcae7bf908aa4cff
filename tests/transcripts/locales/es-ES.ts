import { newConversation, transcript } from '../../support/transcript';

test('es-ES: abrir, una técnica por sinónimo, siguiente, repite, atrás, paso 2, dónde estoy, ayuda, para', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    A: te doy la bienvenida | cuál quieres hacer
    U: vamos con la planta
    A: la planta del pie | paso 1 de 4 | yema del pulgar
    U: siguiente
    A: paso 2 | cerca del talón
    U: repite
    A: paso 2 | cerca del talón
    U: atrás
    A: paso 1 de 4 | yema del pulgar
    U: ve al paso dos
    A: paso 2 | franjas
    U: dónde estoy
    A: estás en el paso 2 de 4 de la planta del pie | quedan 2 pasos más
    U: ayuda
    A: di siguiente para pasar al próximo paso | te guardo el sitio
    U: para
    A!: vale, paramos en el paso 2 de 4 de la planta del pie | hasta luego
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES: a la española, con muletillas, petición directa y algo sin sentido', async () => {
  const conversation = newConversation('es-ES');
  await transcript(
    `
    U: Alexa, pide a guía de masaje de pies el estiramiento de aquiles
    A: los estiramientos del tobillo | paso 1 de 3 | huesos del tobillo
    U: venga, el siguiente
    A: paso 2 | tendón de aquiles
    U: perdona
    A: paso 2 | tendón de aquiles
    U: vale, vuelve atrás
    A: paso 1 de 3
    U: vete al paso tres por favor
    A: paso 3, el último | empeine
    U: por qué paso voy
    A: estás en el paso 3 de 3 de los estiramientos del tobillo | este es el último paso
    U?: el pingüino baila un tango en la luna
    A: perdona, no te he entendido | paso 3 de 3
    U: qué puedo decir
    A: di siguiente | más despacio o más rápido
    U: hemos terminado
    A!: hasta luego
  `,
    { locale: 'es-ES', conversation },
  );
  await transcript(
    `
    U: abre guía de masaje de pies
    A: hola de nuevo | paso 3 de 3 de los estiramientos del tobillo
    U: vale
    A: paso 3
  `,
    { locale: 'es-ES', conversation },
  );
});

test('es-ES: con las manos llenas de aceite, dicho como se dice en España', async () => {
  const conversation = newConversation('es-ES');
  await transcript(
    `
    U: Alexa, activa guía de masaje de pies
    A: te doy la bienvenida | cuál quieres hacer
    U: quiero que me masajees el puente del pie
    A: la planta del pie | paso 1 de 4 | yema del pulgar
    U: vale, ya lo he hecho
    A: paso 2 | cerca del talón
    U: no me he enterado
    A: paso 2 | cerca del talón
    U: no tan rápido
    A: voy más despacio | paso 2
    U: ya cuento yo
    A: ya no cuento el tiempo
    U: qué toca ahora
    A: paso 3 | franja por franja
    U: pasa de esta
    A: nos saltamos la planta del pie | vamos con los dedos | paso 1 de 2
    U: otro
    A: paso 2, el último | dedo gordo
    U: empezar de cero
    A: empezamos de nuevo con los dedos, desde el primer paso | paso 1 de 2
    U: para qué es bueno
    A: alivia la tensión | el paso 1 de los dedos
    U: espera que me echo más aceite
    A!: hacemos una pausa en el paso 1 de 2 de los dedos
  `,
    { locale: 'es-ES', conversation },
  );
  await transcript(
    `
    U: abre guía de masaje de pies por favor
    A: hola de nuevo | paso 1 de 2 de los dedos
    U: seguimos por donde iba
    A: seguimos donde lo dejaste | paso 1
    U: ya está bien
    A!: paramos en el paso 1 de 2 de los dedos | hasta luego
  `,
    { locale: 'es-ES', conversation },
  );
});

import { transcript } from '../../support/transcript';

// Una sesión de masaje de verdad en español de España (es-ES), a través del modelo real: una conversación corta por capacidad nueva.

test('es-ES 1: saltarse una técnica por su nombre, dentro de la rutina y fuera de ella', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    A: cuál quieres hacer
    U: haz la rutina completa
    A: hagamos la rutina completa | vamos con los deslizamientos de calentamiento | paso 1 de 2
    U: sáltate los dedos
    A: vale, en este pie nos saltamos los dedos | paso 1 de 2 de los deslizamientos de calentamiento
    U: sáltate la relajación del talón en los dos pies
    A: vale, nos saltamos la relajación del talón en los dos pies
  `,
    { locale: 'es-ES' },
  );
  await transcript(
    `
    U: abre guía de masaje de pies
    U: hoy sin los dedos
    A: vale, los dedos no
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 2: nombrar una técnica a mitad de la rutina sigue dentro de la rutina, y "vuelve a la rutina" regresa', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: haz la rutina completa
    A: los deslizamientos de calentamiento
    U: vamos con el tobillo
    A: seguimos dentro de la rutina completa, en el primer pie | los estiramientos del tobillo | paso 1 de 3
    U: dónde estoy
    A: paso 1 de 3 de los estiramientos del tobillo | vas por el primer pie de la rutina completa
    U: vuelve a la rutina
    A: volvemos a la rutina completa, en el primer pie: los deslizamientos de calentamiento | paso 1 de 2
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 3: el otro pie, en la rutina y en una sola técnica; qué pie es; volver atrás al primer pie', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: haz la rutina completa
    A: los deslizamientos de calentamiento
    U: en qué pie estoy
    A: vas por el primer pie de la rutina completa, con los deslizamientos de calentamiento
    U: cambia de pie
    A: ya está el primer pie | cambia al otro pie | paso 1 de 2
    U: estoy en el segundo pie
    A: vas por el segundo pie
    U: atrás
    A: volvemos al primer pie, al último paso de los deslizamientos finales | paso 2, el último
  `,
    { locale: 'es-ES' },
  );
  await transcript(
    `
    U: abre guía de masaje de pies
    U: vamos con los dedos
    A: vamos con los dedos | paso 1 de 2
    U: qué pie es este
    A: estás con los dedos en el primer pie | te propongo hacer el otro pie
    U: siguiente
    A: paso 2, el último
    U: siguiente
    A: has terminado con los dedos | quieres hacer los dedos también en el otro pie
    U: sí
    A: ahora, los dedos en el otro pie, desde el primer paso | paso 1 de 2
    U: qué pie es este
    A: estás con los dedos en el segundo pie
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 4: "la tercera", "el número cuatro", "la última" eligen técnica en el menú y paso dentro de una técnica', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    A: conozco 6 técnicas
    U: la tercera
    A: vamos con la relajación del talón | paso 1 de 2
    U: al menú
    U: el número cuatro
    A: vamos con la planta del pie | paso 1 de 4
    U: la tercera
    A: paso 3 | franja por franja
    U: el último
    A: paso 4, el último | base de los dedos
    U: al menú
    U: la última
    A: vamos con los deslizamientos finales
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 5: dar las gracias de paso no cierra la sesión; una despedida clara sí', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: vamos con el tobillo
    A: paso 1 de 3
    U: muchas gracias
    A: de nada | di siguiente
    U: genial gracias
    A: de nada
    U: gracias eso es todo
    A!: vale, paramos en el paso 1 de 3 de los estiramientos del tobillo | hasta luego
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 6: cuánto dura este paso, cuánto falta, cuánto dura la rutina completa', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: cuánto dura la rutina completa
    A: la rutina completa, en los dos pies, lleva alrededor de
    U: haz la rutina completa
    A: los deslizamientos de calentamiento
    U: cuánto tiempo lo mantengo
    A: este paso lleva alrededor de
    U: cuánto falta
    A: lo que queda de los deslizamientos de calentamiento lleva alrededor de | y el resto de la rutina, alrededor de
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 7: las preguntas de seguridad sobre el embarazo y la diabetes tienen su propia respuesta', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: es seguro durante el embarazo
    A: durante el embarazo | matrona
    U: mi mujer está embarazada puedo hacer el masaje
    A: matrona
    U: soy diabético es peligroso
    A: con diabetes | podólogo
    U: y los niños
    A: a los niños suele encantarles
    U: precauciones
    A: no es un consejo médico
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 8: el último paso, y "vuelve al paso anterior" es el de antes', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: vamos con la planta del pie
    A: paso 1 de 4
    U: ve al último paso
    A: paso 4, el último | base de los dedos
    U: vuelve al paso anterior
    A: paso 3 | franja por franja
    U: ve al último
    A: paso 4, el último
  `,
    { locale: 'es-ES' },
  );
});

test('es-ES 9: tras una pregunta, "continúa" o "vale" vuelven al mismo paso, y "siguiente" avanza', async () => {
  await transcript(
    `
    U: abre guía de masaje de pies
    U: vamos con el talón
    A: paso 1 de 2 | hueso del tobillo
    U: qué aceite uso
    A: almendras dulces | di continúa para volver a escuchar el paso 1 de la relajación del talón
    U: continúa
    A: volvemos a la relajación del talón | paso 1 de 2 | hueso del tobillo
    U: y si me duele
    A: nunca doler
    U: vale
    A: volvemos a la relajación del talón | paso 1 de 2
    U: qué beneficios tiene
    A: reflexología
    U: siguiente
    A: paso 2, el último | borde interno del talón
  `,
    { locale: 'es-ES' },
  );
});

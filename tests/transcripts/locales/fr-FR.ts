import { transcript } from '../../support/transcript';

test('fr-FR: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    A: pas un avis médical | bienvenue dans guide de massage des pieds | laquelle voulez-vous faire
    U: fais la cheville
    A: c'est parti pour l'étirement de la cheville | étape 1 sur 3 | petits os de la cheville
    U: suivant
    A: étape 2 | tendon d'achille
    U: répète
    A: étape 2 | tendon d'achille
    U: reviens en arrière
    A: étape 1 sur 3 | petits os de la cheville
    U: va à l'étape deux
    A: étape 2 | avant-pied
    U: où en suis je
    A: étape 2 sur 3 de l'étirement de la cheville | encore une étape après celle-ci
    U: aide
    A: dites suivant pour l'étape suivante | répète | recommence
    U: stop
    A!: on s'arrête à l'étape 2 sur 3 de l'étirement de la cheville | au revoir
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR: one-shot start, fillers, nonsense, steps left, oil, pace, timer, skip and pause', async () => {
  await transcript(
    `
    U: Alexa, demande à guide de massage des pieds de masser la plante du pied
    A: l'assouplissement de la plante du pied | relâchement myofascial | étape 1 sur 4 | pulpe du pouce
    U: ok suivant s'il te plaît
    A: étape 2 | voûte plantaire
    U: euh bon on en est où
    A: étape 2 sur 4 | encore 2 étapes
    U?: quelle est la capitale du pérou
    A: désolée, je n'ai pas compris | étape 2 sur 4
    U: quelle huile utiliser
    A: huile végétale | amande douce | lavande
    U: tu peux aller un peu plus lentement
    A: je ralentis
    U: pas de minuteur merci
    A: plus de minuteur
    U: alors l'étape trois
    A: étape 3 | bande suivante
    U: j'ai pas envie de faire celle ci
    A: on saute l'assouplissement de la plante du pied | la mobilisation des orteils | étape 1 sur 2
    U: mets en pause
    A!: pause à l'étape 1 sur 2 de la mobilisation des orteils | demande à guide de massage des pieds de continuer
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR: written French, with its hyphens, is understood as spoken French', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: qu'est-ce que ça apporte
    A: massage des pieds
    U: dis-moi où j'en suis
    A: pas encore commencé
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR: reviewer phrasings — colloquial launch, spreading the oil, the chrono, oils, starting from zero, thumbs, the final hold', async () => {
  await transcript(
    `
    U: Alexa, ouvre-moi guide de massage des pieds
    A: bienvenue dans guide de massage des pieds | laquelle voulez-vous faire
    U: bon on commence par les mouvements d'échauffement
    A: c'est parti pour l'échauffement | étape 1 sur 2 | étalant l'huile
    U: désactive le chrono
    A: plus de minuteur
    U: avec quoi je masse
    A: huile végétale | amande douce
    U: et l'huile d'amande douce ça va
    A: amande douce
    U: ok suivant
    A: étape 2, la dernière | effleurages glissés
    U: euh recommence à zéro
    A: on reprend l'échauffement depuis le début | étape 1 sur 2
    U: on passe aux pressions avec les pouces
    A: l'assouplissement de la plante du pied | étape 1 sur 4 | pulpe du pouce
    U: va plus tranquillement
    A: je ralentis
    U: étape 3
    A: étape 3 | bande suivante
    U: le maintien final
    A: c'est parti pour l'effleurage final | étape 1 sur 2
    U: hop suivant
    A: étape 2, la dernière | serviette
    U: stop
    A!: on s'arrête à l'étape 2 sur 2 de l'effleurage final | au revoir
  `,
    { locale: 'fr-FR' },
  );
});

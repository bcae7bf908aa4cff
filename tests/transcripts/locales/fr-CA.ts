import { transcript } from '../../support/transcript';

test('fr-CA: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async () => {
  await transcript(
    `
    U: lance guide de massage des pieds
    A: pas un avis médical | bienvenue dans guide de massage des pieds | laquelle voulez-vous faire
    U: on peut tu faire la plante du pied
    A: l'assouplissement de la plante du pied | étape 1 sur 4 | pulpe du pouce
    U: envoie
    A: étape 2 | voûte plantaire
    U: répète donc
    A: étape 2 | voûte plantaire
    U: recule
    A: étape 1 sur 4 | pulpe du pouce
    U: va à l'étape deux
    A: étape 2 | par bandes
    U: je suis rendu où
    A: étape 2 sur 4 de l'assouplissement de la plante du pied | encore 2 étapes
    U: aide moi donc
    A: dites suivant pour l'étape suivante | sans minuterie
    U: ça va faire
    A!: on s'arrête à l'étape 2 sur 4 | à la prochaine
  `,
    { locale: 'fr-CA' },
  );
});

test('fr-CA: one-shot start, Québec phrasings, nonsense, minuterie, skip and the end of a technique', async () => {
  await transcript(
    `
    U: Alexa, demande à guide de massage des pieds de faire la cheville
    A: l'étirement de la cheville | étape 1 sur 3 | petits os de la cheville
    U: ok c'est beau
    A: étape 2 | tendon d'achille
    U?: la poutine au homard
    A: désolée, je n'ai pas compris | étape 2 sur 3
    U: ben là ferme la minuterie
    A: plus de minuterie
    U: coudonc on est rendu à quelle étape
    A: étape 2 sur 3 | encore une étape
    U: passe par dessus celle ci
    A: on saute l'étirement de la cheville | la détente du talon | étape 1 sur 2
    U: next
    A: étape 2, la dernière | rebord intérieur du talon
    U: c'est beau
    A: vous avez terminé la détente du talon | beau travail | voulez-vous faire la détente du talon sur l'autre pied
    U: non c'est correct
    A: voulez-vous faire l'assouplissement de la plante du pied
    U: non merci
    A!: profitez bien de vos pieds détendus | à la prochaine
  `,
    { locale: 'fr-CA' },
  );
});

test('fr-CA: reviewer phrasings — one-shot with pour, thumbs, skip, tranquillement, lotion and oils, back where I was rendu, toute faire', async () => {
  await transcript(
    `
    U: Alexa, ouvre guide de massage des pieds pour faire les pressions avec les pouces
    A: l'assouplissement de la plante du pied | étape 1 sur 4 | pulpe du pouce
    U: enlève le chrono
    A: plus de minuterie
    U: on skip ça
    A: on saute l'assouplissement de la plante du pied | la mobilisation des orteils | étape 1 sur 2
    U: vas-y plus tranquillement
    A: je ralentis
    U: avec quoi on masse
    A: huile végétale
    U: pis l'huile d'olive c'est correct
    A: huile végétale
    U: on repart à zéro
    A: on reprend la mobilisation des orteils depuis le début | étape 1 sur 2
    U: mets ça sur pause
    A!: pause à l'étape 1 sur 2 de la mobilisation des orteils
    U: lance guide de massage des pieds
    A: bon retour dans guide de massage des pieds | étape 1 sur 2 de la mobilisation des orteils
    U: reprends là où j'étais rendu
    A: on reprend là où vous en étiez | étape 1 sur 2
    U: les mouvements de la fin
    A: c'est parti pour l'effleurage final | étape 1 sur 2
    U: finalement je veux toute faire
    A: au programme, la routine complète | c'est parti pour l'échauffement
    U: on est rendus où
    A: étape 1 sur 2 de l'échauffement | dans la routine complète, sur le premier pied | encore 5 techniques sur ce pied
    U: ça va faire
    A!: on s'arrête à l'étape 1 sur 2 de l'échauffement | à la prochaine
  `,
    { locale: 'fr-CA' },
  );
});

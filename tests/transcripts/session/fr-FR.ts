import { transcript } from '../../support/transcript';

// A real massage session in French (fr-FR), through the real model: one short conversation per new capability.

test('fr-FR 1: skipping a technique by name, in the routine and outside it', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    A: laquelle voulez-vous faire
    U: on fait la routine complète
    A: la routine complète | c'est parti pour l'échauffement | étape 1 sur 2
    U: saute les orteils
    A: on laisse de côté la mobilisation des orteils sur ce pied | étape 1 sur 2 de l'échauffement
    U: on laisse le talon de côté sur les deux pieds
    A: on laisse de côté la détente du talon sur les deux pieds
    U: le menu
    A: retour au menu principal
    U: pas les orteils aujourd'hui
    A: on laisse de côté la mobilisation des orteils
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 2: naming a technique mid-routine stays in the routine, and "retour à la routine" comes back', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: la routine complète
    A: c'est parti pour l'échauffement
    U: fais la cheville
    A: on reste dans la routine complète, sur le premier pied | l'étirement de la cheville | étape 1 sur 3
    U: où en suis je
    A: étape 1 sur 3 de l'étirement de la cheville | dans la routine complète, sur le premier pied
    U: retour à la routine
    A: retour à la routine complète, sur le premier pied | l'échauffement | étape 1 sur 2
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 3: the other foot, in the routine and on a single technique; which foot; back across the switch', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: la routine complète
    A: l'échauffement
    U: quel pied
    A: vous êtes sur le premier pied, et vous en êtes à l'échauffement
    U: on change de pied
    A: et voilà pour le premier pied | passez maintenant à l'autre pied | étape 1 sur 2
    U: c'est le deuxième pied
    A: vous êtes sur le deuxième pied
    U: précédent
    A: retour au premier pied, à la dernière étape de l'effleurage final | étape 2, la dernière
  `,
    { locale: 'fr-FR' },
  );
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: fais les orteils
    A: c'est parti pour la mobilisation des orteils | étape 1 sur 2
    U: sur quel pied je suis
    A: vous faites la mobilisation des orteils sur le premier pied | je vous proposerai l'autre pied
    U: suivant
    A: étape 2, la dernière
    U: suivant
    A: vous avez terminé la mobilisation des orteils | voulez-vous faire la mobilisation des orteils sur l'autre pied aussi
    U: oui
    A: on passe à l'autre pied | la mobilisation des orteils, depuis la première étape | étape 1 sur 2
    U: je suis sur quel pied
    A: vous faites la mobilisation des orteils sur le deuxième pied
    U: fais le talon
    A: c'est parti pour la détente du talon | étape 1 sur 2
    U: passe à l'autre pied
    A: on passe à l'autre pied | la détente du talon, depuis la première étape | étape 1 sur 2
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 4: "la troisième", "numéro quatre", "la dernière" pick a technique at the menu and a step mid-technique', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    A: je connais 6 techniques
    U: la troisième
    A: c'est parti pour la détente du talon | étape 1 sur 2
    U: le menu
    U: numéro quatre
    A: c'est parti pour l'assouplissement de la plante du pied | étape 1 sur 4
    U: la troisième
    A: étape 3 | bande suivante
    U: la dernière
    A: étape 4, la dernière | base des orteils
    U: le menu
    U: la dernière
    A: c'est parti pour l'effleurage final
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 5: thanks in passing keeps the session open; a clear closing ends it', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: fais la cheville
    A: étape 1 sur 3
    U: merci beaucoup
    A: avec plaisir | dites suivant
    U: super merci
    A: avec plaisir
    U: c'est tout pour aujourd'hui merci
    A!: on s'arrête à l'étape 1 sur 3 de l'étirement de la cheville | au revoir
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 6: how long this step takes, how much longer, how long the whole routine takes', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: combien de temps dure la routine complète
    A: la routine complète, sur les deux pieds, prend environ
    U: la routine complète
    A: l'échauffement
    U: combien de temps je dois tenir
    A: cette étape prend environ 20 secondes
    U: combien de temps il reste
    A: d'ici la fin de l'échauffement, comptez encore environ | pour le reste de la routine
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 7: safety questions about pregnancy and diabetes get their own answers', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: est ce que c'est dangereux pendant la grossesse
    A: pendant la grossesse | sage-femme
    U: ma femme est enceinte est ce que je peux masser
    A: sage-femme
    U: je suis diabétique c'est dangereux
    A: avec le diabète | podologue
    U: et pour les enfants
    A: les enfants aiment en général
    U: les précautions
    A: ce n'est pas un avis médical
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 8: the last step, and "reviens à la dernière étape" is the step before', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: fais la plante du pied
    A: étape 1 sur 4
    U: va à la dernière étape
    A: étape 4, la dernière | base des orteils
    U: reviens à la dernière étape
    A: étape 3 | bande suivante
    U: va à la fin
    A: étape 4, la dernière
  `,
    { locale: 'fr-FR' },
  );
});

test('fr-FR 9: after a question, "continue" or "ok" comes back to the same step, and "suivant" goes on', async () => {
  await transcript(
    `
    U: ouvre guide de massage des pieds
    U: fais le talon
    A: étape 1 sur 2 | sous l'os de la cheville
    U: quelle huile utiliser
    A: amande douce | dites continue pour réentendre l'étape 1 de la détente du talon
    U: continue
    A: retour à la détente du talon | étape 1 sur 2 | sous l'os de la cheville
    U: et si ça fait mal
    A: jamais mal
    U: ok
    A: retour à la détente du talon | étape 1 sur 2
    U: c'est quoi les bienfaits
    A: réflexologie
    U: suivant
    A: étape 2, la dernière | rebord intérieur du talon
  `,
    { locale: 'fr-FR' },
  );
});

import { transcript } from '../../support/transcript';

test('it-IT: apertura, una tecnica con un sinonimo, avanti, ripeti, indietro, passo due, a che punto sono, aiuto, stop', async () => {
  await transcript(
    `
    U: apri guida massaggio piedi
    A: ti do il benvenuto | quale vuoi fare
    U: facciamo lo stretching alla caviglia
    A: iniziamo con lo stretching della caviglia | passo 1 di 3 | ossa sporgenti
    U: avanti
    A: passo 2 | tendine d'achille
    U: ripeti
    A: passo 2 | avampiede
    U: indietro
    A: passo 1 di 3 | polpastrelli
    U: vai al passo due
    A: passo 2 | tendine d'achille
    U: a che punto sono
    A: sei al passo 2 di 3 e stai facendo lo stretching della caviglia | manca ancora un passo
    U: aiuto
    A: di' avanti per il passo successivo | indietro per quello prima
    U: stop
    A!: ci fermiamo al passo 2 di 3 | a presto
  `,
    { locale: 'it-IT' },
  );
});

test('it-IT: richiesta diretta, parole di riempimento, un numero a parole, una frase senza senso e la chiusura', async () => {
  await transcript(
    `
    U: Alexa, chiedi a guida massaggio piedi di iniziare la pianta del piede
    A: distensione della pianta | passo 1 di 4 | rilascio miofasciale
    U: ok allora vai avanti per favore
    A: passo 2 | partendo vicino al tallone
    U: ehm torniamo indietro
    A: passo 1 di 4 | polpastrello
    U: senti portami al passo tre
    A: passo 3 | fascia successiva
    U: allora quanti passi mancano
    A: passo 3 di 4 | manca ancora un passo
    U?: la pizza margherita con le acciughe
    A: scusa, non ho capito
    U: dimmi il prossimo passo
    A: passo 4, l'ultimo | attaccatura delle dita
    U: grazie basta così
    A!: a presto
  `,
    { locale: 'it-IT' },
  );
});

test('it-IT: ritmo, domande, pausa e ripresa con una richiesta diretta', async () => {
  await transcript(
    `
    U: chiedi a guida massaggio piedi il massaggio al tallone
    A: rilassamento del tallone | passo 1 di 2
    U: un po' più piano
    A: vado più piano
    U: che olio devo usare
    A: olio vettore | mandorle dolci
    U: è sicuro
    A: non dà consigli medici | diabete
    U: dammi un minuto
    A!: facciamo una pausa: eri al passo 1 di 2 e stavi facendo il rilassamento del tallone | chiedi a guida massaggio piedi di continuare
    U: chiedi a guida massaggio piedi di continuare
    A: riprendiamo da dove avevi lasciato | passo 1 di 2
    U: salta
    A: saltiamo il rilassamento del tallone | iniziamo con la distensione della pianta
    U: quali tecniche conosci
    A: il riscaldamento, lo stretching della caviglia, il rilassamento del tallone, la distensione della pianta, il massaggio delle dita e le carezze finali
    U: niente timer
    A: niente più timer
    U: menu principale
    A: torniamo al menu principale | eravamo rimasti al passo 1 di 4
    U: la routine completa
    A: facciamo la routine completa | riscaldamento | passo 1 di 2
    U: dove siamo
    A: siamo nella routine completa, sul primo piede | su questo piede mancano ancora 5 tecniche
    U: annulla
    A!: a presto
  `,
    { locale: 'it-IT' },
  );
});

test("it-IT: come parla davvero chi ha le mani unte: piedi stanchi, pausa per l'olio, ripresa, salto, domande e saluti", async () => {
  await transcript(
    `
    U: Alexa, mi apri guida massaggio piedi?
    A: ti do il benvenuto
    U: ehm ho i piedi stanchi
    A: facciamo la routine completa | riscaldamento | passo 1 di 2
    U: vai più svelto
    A: un po' più veloce
    U: ecco fatto
    A: passo 2, l'ultimo | sfioramenti lunghi e scorrevoli
    U: un attimo che prendo l'olio
    A!: facciamo una pausa: eri al passo 2 di 2 e stavi facendo il riscaldamento | routine completa, sul primo piede
    U: guida massaggio piedi per favore
    A: rieccoti | eri al passo 2 di 2 e stavi facendo il riscaldamento
    U: ok riprendiamo da dove eravamo
    A: riprendiamo da dove avevi lasciato | passo 2
    U: questa non mi va
    A: saltiamo il riscaldamento | e ora, lo stretching della caviglia
    U: senza contare
    A: niente più timer
    U: rifai
    A: passo 1 di 3 | ossa sporgenti
    U: olio di oliva va bene
    A: olio vettore
    U: mi fa male il piede
    A: mai far male | fermati se il dolore continua
    U: facciamo i cerchi sul tallone
    A: rilassamento del tallone | passo 1 di 2
    U: chiudiamo con le carezze
    A: carezze finali | passo 1 di 2
    U: puoi ripetere l'ultima parte
    A: passo 1 di 2 | dalla caviglia fino alla punta delle dita
    U: grazie è stato bellissimo
    A!: a presto
  `,
    { locale: 'it-IT' },
  );
});

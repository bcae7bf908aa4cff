import { transcript } from '../../support/transcript';

test('it-IT: apertura, una tecnica con un sinonimo, avanti, ripeti, indietro, passo due, a che punto sono, aiuto, stop', async () => {
  await transcript(`
    U: apri guida massaggio piedi
    A: ti do il benvenuto | quale vuoi fare
    U: facciamo lo stretching alla caviglia
    A: iniziamo: stretching della caviglia | passo 1 di 3 | ossa sporgenti
    U: avanti
    A: passo 2 | tendine d'achille
    U: ripeti
    A: passo 2 | avampiede
    U: indietro
    A: passo 1 di 3 | polpastrelli
    U: vai al passo due
    A: passo 2 | tendine d'achille
    U: a che punto sono
    A: sei al passo 2 di 3 della tecnica stretching della caviglia | manca ancora un passo
    U: aiuto
    A: di' avanti per il passo successivo | indietro per quello prima
    U: stop
    A!: ci fermiamo al passo 2 di 3 | a presto
  `, { locale: 'it-IT' });
});

test('it-IT: richiesta diretta, parole di riempimento, un numero a parole, una frase senza senso e la chiusura', async () => {
  await transcript(`
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
  `, { locale: 'it-IT' });
});

test('it-IT: ritmo, domande, pausa e ripresa con una richiesta diretta', async () => {
  await transcript(`
    U: chiedi a guida massaggio piedi il massaggio al tallone
    A: rilassamento del tallone | passo 1 di 2
    U: un po' più piano
    A: vado più piano
    U: che olio devo usare
    A: olio vettore | mandorle dolci
    U: è sicuro
    A: non dà consigli medici | diabete
    U: dammi un minuto
    A!: in pausa al passo 1 di 2 della tecnica rilassamento del tallone | chiedi a guida massaggio piedi di continuare
    U: chiedi a guida massaggio piedi di continuare
    A: riprendiamo da dove avevi lasciato | passo 1 di 2
    U: salta
    A: saltiamo la tecnica rilassamento del tallone | distensione della pianta
    U: quali tecniche conosci
    A: riscaldamento, stretching della caviglia, rilassamento del tallone, distensione della pianta, dita dei piedi e carezze finali
    U: niente timer
    A: niente più timer
    U: menu principale
    A: torniamo all'inizio
    U: la routine completa
    A: facciamo la routine completa | riscaldamento | passo 1 di 2
    U: dove siamo
    A: sei sul primo piede della routine completa | mancano ancora 11 tecniche
    U: annulla
    A!: a presto
  `, { locale: 'it-IT' });
});

test('it-IT: come parla davvero chi ha le mani unte: piedi stanchi, pausa per l\'olio, ripresa, salto, domande e saluti', async () => {
  await transcript(`
    U: Alexa, mi apri guida massaggio piedi?
    A: ti do il benvenuto
    U: ehm ho i piedi stanchi
    A: facciamo la routine completa | riscaldamento | passo 1 di 2
    U: vai più svelto
    A: un po' più veloce
    U: ecco fatto
    A: passo 2, l'ultimo | sfioramenti lunghi e scorrevoli
    U: un attimo che prendo l'olio
    A!: in pausa al passo 2 di 2 della tecnica riscaldamento
    U: guida massaggio piedi per favore
    A: rieccoti | passo 2 di 2 della tecnica riscaldamento
    U: ok riprendiamo da dove eravamo
    A: riprendiamo da dove avevi lasciato | passo 2
    U: questa non mi va
    A: saltiamo la tecnica riscaldamento | stretching della caviglia
    U: senza contare
    A: niente più timer
    U: rifai
    A: passo 1 di 3 | ossa sporgenti
    U: olio di oliva va bene
    A: olio vettore
    U: mi fa male il piede
    A: non dà consigli medici | fermati se qualcosa fa male
    U: facciamo i cerchi sul tallone
    A: rilassamento del tallone | passo 1 di 2
    U: chiudiamo con le carezze
    A: carezze finali | passo 1 di 2
    U: puoi ripetere l'ultima parte
    A: passo 1 di 2 | dalla caviglia fino alla punta delle dita
    U: grazie è stato bellissimo
    A!: a presto
  `, { locale: 'it-IT' });
});

import { newConversation, transcript } from '../../support/transcript';

test('pt-BR: launch, a technique by a synonym, next, repeat, back, step 2, where am I, help, stop', async () => {
  // One device, so the second visit finds the first one's place.
  const conversation = newConversation('pt-BR');
  await transcript(
    `
    U: abra o guia de massagem nos pés
    A: boas-vindas ao guia de massagem nos pés | qual técnica você quer fazer
    U: quero fazer o tendão de aquiles
    A: começamos com o alongamento do tornozelo | passo 1 de 3 | ossinhos do tornozelo
    U: próximo
    A: passo 2 | tendão de aquiles
    U: repete
    A: passo 2 | tendão de aquiles
    U: volta
    A: passo 1 de 3 | ossinhos do tornozelo
    U: vai para o passo dois
    A: passo 2 | tendão de aquiles
    U: onde estou
    A: você está no passo 2 de 3, fazendo o alongamento do tornozelo | falta só mais um passo
    U: ajuda
    A: diga próximo para ir ao passo seguinte | diga pausa
    U: parar
    A!: você estava no passo 2 de 3, fazendo o alongamento do tornozelo | tchau
  `,
    { locale: 'pt-BR', conversation },
  );
  await transcript(
    `
    U: abrir guia de massagem nos pés
    A: que bom ter você de volta | passo 2 de 3, fazendo o alongamento do tornozelo
    U: continuar
    A: passo 2 | tendão de aquiles
    U: recomeçar
    A: recomeçando o alongamento do tornozelo desde o início | passo 1 de 3
    U: vá para o passo três
    A: passo 3, o último | peito do pé
    U: próximo
    A: você terminou o alongamento do tornozelo | quer fazer o alongamento do tornozelo no outro pé
    U: não obrigado
    A: quer fazer o relaxamento do calcanhar
    U: agora não
    A!: aproveite os pés relaxados
  `,
    { locale: 'pt-BR', conversation },
  );
});

test('pt-BR: one-shot start, colloquial phrasings with fillers, the fallback, and the routine', async () => {
  await transcript(
    `
    U: Alexa, peça ao guia de massagem nos pés a massagem na planta do pé
    A: começamos com a liberação da sola | passo 1 de 4 | polpa do polegar
    U: ok beleza próximo por favor
    A: passo 2 | calcanhar
    U: então vai pro passo quatro
    A: passo 4, o último | base dos dedos do pé
    U: tá muito rápido
    A: vou mais devagar
    U: espera volta
    A: passo 3 | faixa
    U: quantos passos faltam
    A: passo 3 de 4 | falta só mais um passo
    U?: qual é a capital da austrália
    A: desculpe, não entendi
    U: quais são as opções
    A: o aquecimento, o alongamento do tornozelo, o relaxamento do calcanhar, a liberação da sola, a massagem nos dedos e os deslizamentos finais
    U: pula essa técnica
    A: pulando a liberação da sola | a massagem nos dedos | passo 1 de 2
    U: tchau
    A!: tchau
  `,
    { locale: 'pt-BR' },
  );
  await transcript(
    `
    U: alexa peça ao guia de massagem nos pés para fazer a rotina completa
    A: vamos fazer a rotina completa | o aquecimento | passo 1 de 2
    U: em que pé estamos
    A: você está no primeiro pé da rotina completa | faltam mais 5 técnicas neste pé
    U: sem cronômetro
    A: sem cronômetro
    U: pausa
    A!: pausei no passo 1 de 2. você estava fazendo o aquecimento | peça ao guia de massagem nos pés para continuar
  `,
    { locale: 'pt-BR' },
  );
});

test('pt-BR: reviewer phrasings mid-massage — finishing, "terminei", a little back, the timer, a cream, the whole massage, pause and resume', async () => {
  const conversation = newConversation('pt-BR');
  await transcript(
    `
    U: alexa abre o guia de massagem nos pés
    A: boas-vindas ao guia de massagem nos pés | qual técnica você quer fazer
    U: vamos fechar a massagem
    A: começamos com os deslizamentos finais | passo 1 de 2
    U: pronto terminei
    A: passo 2, o último
    U: volta um pouquinho
    A: passo 1 de 2
    U: pula o timer
    A: sem cronômetro
    U: fala mais devagarinho
    A: vou mais devagar
    U: que creme eu passo
    A: óleo vegetal
    U: pode passar
    A: passo 2, o último
    U: já terminei
    A: você terminou os deslizamentos finais | no outro pé também
    U: começa a massagem
    A: vamos fazer a rotina completa | o aquecimento | passo 1 de 2
    U: segura um pouco
    A!: pausei no passo 1 de 2. você estava fazendo o aquecimento
  `,
    { locale: 'pt-BR', conversation },
  );
  await transcript(
    `
    U: abra o guia de massagem nos pés e continue de onde parei
    A: passo 1 de 2
    U: pode continuar de onde a gente parou
    A: passo 2
    U: para tudo
    A!: você estava no passo 2 de 2, fazendo o aquecimento | tchau
  `,
    { locale: 'pt-BR', conversation },
  );
});

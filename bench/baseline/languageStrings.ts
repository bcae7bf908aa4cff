/**
 * The words of the localised peers (bench/baseline/i18next.ts, dynamodb.ts),
 * kept as Amazon's i18n templates keep them: one object with every language's
 * strings, bundled with the skill and handed to i18next at init. One entry per
 * language our skill speaks, so the peer carries the same languages.
 */
export const languageStrings = {
  en: {
    translation: {
      WELCOME_MSG: 'Welcome to Foot Massage Guide. Which technique would you like?',
      HELP_MSG: 'You can say the heel, or the full routine.',
      GOODBYE_MSG: 'Goodbye!',
      FALLBACK_MSG: "Sorry, I don't know about that. Please try again.",
      ERROR_MSG: 'Sorry, I had trouble doing what you asked. Please try again.',
    },
  },
  de: {
    translation: {
      WELCOME_MSG: 'Willkommen bei Fußmassage. Welche Technik möchtest du?',
      HELP_MSG: 'Sag zum Beispiel: die Ferse, oder die ganze Routine.',
      GOODBYE_MSG: 'Tschüss!',
      FALLBACK_MSG: 'Das weiß ich leider nicht. Versuch es noch einmal.',
      ERROR_MSG: 'Da ist etwas schiefgegangen. Versuch es noch einmal.',
    },
  },
  fr: {
    translation: {
      WELCOME_MSG: 'Bienvenue dans Massage des pieds. Quelle technique voulez-vous ?',
      HELP_MSG: 'Dites par exemple : le talon, ou la routine complète.',
      GOODBYE_MSG: 'Au revoir !',
      FALLBACK_MSG: 'Désolé, je ne sais pas. Réessayez.',
      ERROR_MSG: "Désolé, je n'ai pas pu le faire. Réessayez.",
    },
  },
  es: {
    translation: {
      WELCOME_MSG: 'Bienvenido a Masaje de pies. ¿Qué técnica quieres?',
      HELP_MSG: 'Di por ejemplo: el talón, o la rutina completa.',
      GOODBYE_MSG: '¡Adiós!',
      FALLBACK_MSG: 'Lo siento, no sé eso. Inténtalo de nuevo.',
      ERROR_MSG: 'Lo siento, hubo un problema. Inténtalo de nuevo.',
    },
  },
  it: {
    translation: {
      WELCOME_MSG: 'Benvenuto in Massaggio ai piedi. Quale tecnica vuoi?',
      HELP_MSG: 'Di per esempio: il tallone, o la routine completa.',
      GOODBYE_MSG: 'Ciao!',
      FALLBACK_MSG: 'Mi dispiace, non lo so. Riprova.',
      ERROR_MSG: 'Mi dispiace, qualcosa è andato storto. Riprova.',
    },
  },
  pt: {
    translation: {
      WELCOME_MSG: 'Bem-vindo ao Massagem nos pés. Qual técnica você quer?',
      HELP_MSG: 'Diga por exemplo: o calcanhar, ou a rotina completa.',
      GOODBYE_MSG: 'Tchau!',
      FALLBACK_MSG: 'Desculpe, não sei isso. Tente de novo.',
      ERROR_MSG: 'Desculpe, houve um problema. Tente de novo.',
    },
  },
  ja: {
    translation: {
      WELCOME_MSG: 'フットマッサージガイドへようこそ。どのテクニックにしますか?',
      HELP_MSG: 'かかと、またはフルコース、と言ってください。',
      GOODBYE_MSG: 'さようなら。',
      FALLBACK_MSG: 'すみません、わかりません。もう一度どうぞ。',
      ERROR_MSG: 'すみません、問題が発生しました。もう一度どうぞ。',
    },
  },
  nl: {
    translation: {
      WELCOME_MSG: 'Welkom bij Voetmassage. Welke techniek wil je?',
      HELP_MSG: 'Zeg bijvoorbeeld: de hiel, of de hele routine.',
      GOODBYE_MSG: 'Tot ziens!',
      FALLBACK_MSG: 'Sorry, dat weet ik niet. Probeer het opnieuw.',
      ERROR_MSG: 'Sorry, er ging iets mis. Probeer het opnieuw.',
    },
  },
  hi: {
    translation: {
      WELCOME_MSG: 'फुट मसाज गाइड में आपका स्वागत है। कौन सी तकनीक चाहिए?',
      HELP_MSG: 'कहिए: एड़ी, या पूरा रूटीन।',
      GOODBYE_MSG: 'अलविदा!',
      FALLBACK_MSG: 'माफ़ कीजिए, मुझे नहीं पता। फिर से कोशिश कीजिए।',
      ERROR_MSG: 'माफ़ कीजिए, कुछ गड़बड़ हुई। फिर से कोशिश कीजिए।',
    },
  },
  ar: {
    translation: {
      WELCOME_MSG: 'مرحبا بك في دليل تدليك القدمين. أي تقنية تريد؟',
      HELP_MSG: 'قل مثلا: الكعب، أو الروتين الكامل.',
      GOODBYE_MSG: 'مع السلامة!',
      FALLBACK_MSG: 'عذرا، لا أعرف ذلك. حاول مرة أخرى.',
      ERROR_MSG: 'عذرا، حدثت مشكلة. حاول مرة أخرى.',
    },
  },
};

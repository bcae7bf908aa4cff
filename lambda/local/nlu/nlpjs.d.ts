// NLP.js ships no types. These declare only what lambda/local/nlu/ uses.

declare module '@nlpjs/basic' {
  /** A class NLP.js instantiates and registers in a container (a language, a logger…). */
  export type Plugin = new (...args: never[]) => unknown;

  export interface Container {
    use(plugin: Plugin | object, name?: string, isSingleton?: boolean): string;
    register(name: string, value: object, isSingleton?: boolean): void;
    get(name: string): unknown;
    /** Settings every component with this tag ('nlu-manager', 'nlu-de'…) starts from. */
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
  }

  /** Not async, whatever its examples suggest. `mustLoadEnv` false: no .env is read. */
  export function containerBootstrap(settings?: Record<string, unknown>, mustLoadEnv?: boolean): Container;

  export interface Classification {
    intent: string;
    score: number;
  }

  export interface ProcessResult {
    /** Every intent, best first; scores sum to 1. 'None' when no word is known. */
    classifications: Classification[];
    /** The best intent, or 'None' under `threshold`. */
    intent: string;
    score: number;
  }

  export interface NlpSettings {
    languages?: string[];
    autoSave?: boolean;
    autoLoad?: boolean;
    calculateSentiment?: boolean;
    threshold?: number;
  }

  export interface DomainManager {
    /** The words (normalised, tokenised, stemmed) the classifier sees in `utterance`, each with its count. */
    prepare(utterance: string): Promise<Record<string, number>>;
  }

  export class Nlp {
    constructor(settings: NlpSettings, container: Container);
    addLanguage(language: string | string[]): void;
    addDocument(language: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(language: string, utterance: string): Promise<ProcessResult>;
    nluManager: { domainManagers: Record<string, DomainManager | undefined> };
  }
}

declare module '@nlpjs/lang-en' {
  export const LangEn: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-de' {
  export const LangDe: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-fr' {
  export const LangFr: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-es' {
  export const LangEs: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-it' {
  export const LangIt: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-pt' {
  export const LangPt: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-nl' {
  export const LangNl: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-ja' {
  export const LangJa: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-hi' {
  export const LangHi: import('@nlpjs/basic').Plugin;
}
declare module '@nlpjs/lang-ar' {
  export const LangAr: import('@nlpjs/basic').Plugin;
}

import type { IndexedModel } from './samples';

/** A filler carried by at least this share of one intent's samples is learnt as that intent's word. */
const FILLER_OWNER_SHARE = 0.25;
/** …when the other intents carry it at most this many times less often. */
const FILLER_OWNER_RATIO = 5;
/** Intents with fewer samples say too little for a share to mean anything. */
const MIN_SAMPLES = 20;

export interface FillerOwner {
  readonly intent: string;
  readonly filler: string;
  /** Share of the intent's samples that carry the filler. */
  readonly share: number;
  /** Share of every other intent's samples that carry it. */
  readonly elsewhere: number;
}

/**
 * Fillers ("thanks", "grazie", "danke") that one intent carries far more
 * often than the rest. People wrap them round requests of every kind, so a
 * statistical recogniser that learnt "grazie" as a goodbye sends "ok grazie,
 * the heel now" to Stop: the grammar should put such words on every short
 * command or on none. Found from the model alone, so it needs no held-out set.
 */
export function fillerOwners(model: IndexedModel, fillers: readonly string[], spaced: boolean): FillerOwner[] {
  const carries = (sample: string, filler: string): boolean => (spaced ? ` ${sample} `.includes(` ${filler} `) : sample.includes(filler));
  const intents = model.intents.filter((intent) => intent.samples.length > 0);
  const samples = intents.map((intent) => intent.samples.map((sample) => sample.toLowerCase()));
  const total = intents.reduce((sum, intent) => sum + intent.samples.length, 0);
  const owners: FillerOwner[] = [];
  for (const filler of new Set(fillers.map((f) => f.toLowerCase()))) {
    const counts = samples.map((own) => own.filter((sample) => carries(sample, filler)).length);
    const all = counts.reduce((sum, n) => sum + n, 0);
    intents.forEach((intent, i) => {
      if (intent.samples.length < MIN_SAMPLES) return;
      const share = counts[i] / intent.samples.length;
      const elsewhere = (all - counts[i]) / Math.max(1, total - intent.samples.length);
      if (share >= FILLER_OWNER_SHARE && share >= FILLER_OWNER_RATIO * elsewhere) owners.push({ intent: intent.name, filler, share, elsewhere });
    });
  }
  return owners.sort((a, b) => b.share - a.share);
}

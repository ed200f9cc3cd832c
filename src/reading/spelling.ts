import { distance } from "fastest-levenshtein";

/** Words shorter than this are left alone: too many short words are one letter apart. */
const MIN_LENGTH = 5;

export type Speller = (text: string) => string;

const spellers = new WeakMap<readonly string[], Speller>();

/**
 * Corrects misspellings toward the lesson's vocabulary ("paramters" -> "parameters"): a word not
 * in the vocabulary becomes the nearest vocabulary word within one edit (two for long words).
 * Vocabulary order breaks ties, so the build lists frequent words first.
 */
export function spellerFor(vocabulary: readonly string[]): Speller {
  const cached = spellers.get(vocabulary);
  if (cached) return cached;
  const known = new Set(vocabulary);
  const byLength = new Map<number, string[]>();
  for (const word of vocabulary) {
    const bucket = byLength.get(word.length) ?? [];
    bucket.push(word);
    byLength.set(word.length, bucket);
  }
  const corrections = new Map<string, string>();
  const correct = (word: string): string => {
    if (word.length < MIN_LENGTH || known.has(word) || /[0-9]/.test(word)) return word;
    const memo = corrections.get(word);
    if (memo !== undefined) return memo;
    const allowed = word.length >= 9 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    for (let length = word.length - allowed; length <= word.length + allowed; length++) {
      for (const candidate of byLength.get(length) ?? []) {
        const d = distance(word, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    corrections.set(word, best);
    return best;
  };
  const speller: Speller = (text) => text.replace(/[a-z0-9]+/g, correct);
  spellers.set(vocabulary, speller);
  return speller;
}

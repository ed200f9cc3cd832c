import { tokenize } from "../curriculum/text-match";

/** A concept's phrase as stems: "next word" -> ["next", "word"]. */
interface ConceptPhrase {
  stems: string[];
  concept: string;
}

/** Phrases indexed by their first stem, longest first, so "next word" wins over "next". */
export type CompiledLexicon = ReadonlyMap<string, readonly ConceptPhrase[]>;

const compiled = new WeakMap<object, CompiledLexicon>();

/** The lesson's concept classes, compiled once per lexicon object. */
export function compileLexicon(
  lexicon: Readonly<Record<string, readonly string[]>>,
): CompiledLexicon {
  const cached = compiled.get(lexicon);
  if (cached) return cached;
  const index = new Map<string, ConceptPhrase[]>();
  for (const [concept, phrases] of Object.entries(lexicon)) {
    for (const phrase of phrases) {
      const stems = tokenize(phrase).flatMap((sentence) => sentence.map((token) => token.stem));
      const first = stems[0];
      if (!first) continue;
      const entries = index.get(first) ?? [];
      entries.push({ stems, concept });
      index.set(first, entries);
    }
  }
  for (const entries of index.values()) entries.sort((a, b) => b.stems.length - a.stems.length);
  compiled.set(lexicon, index);
  return index;
}

/** The concept whose phrase starts at `stems[at]`, and how many stems it covers. */
export function conceptAt(
  lexicon: CompiledLexicon,
  stems: readonly string[],
  at: number,
): { concept: string; length: number } | undefined {
  for (const phrase of lexicon.get(stems[at] ?? "") ?? []) {
    if (phrase.stems.every((s, j) => stems[at + j] === s)) {
      return { concept: phrase.concept, length: phrase.stems.length };
    }
  }
  return undefined;
}

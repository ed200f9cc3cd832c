import type { GlossaryEntry, VoiceName } from "../curriculum/schema";
import { tokenize } from "../curriculum/text-match";

/** Questions that ask what a word means ("what's a token?", "define compute", "flops?"). */
const DEFINITION_QUESTION =
  /^(?:so\s+)?(?:what(?:'s|’s| is| are|s)|whats|define|definition of|meaning of|what does|what do (?:you|they) mean by|what do you mean by|explain|tell me what|wtf is|wat is|what exactly is)\b/i;
/** A question that is little more than a term ("tokens?", "a parameter??"). */
const BARE_TERM_WORDS = 4;

const stemsOf = (text: string) => tokenize(text).flatMap((s) => s.map((t) => t.stem));

function occurs(phrase: readonly string[], words: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((stem, j) => words[i + j] === stem)) return true;
  }
  return false;
}

/**
 * The glossary entry a definition question asks about: the entry whose term or alias occurs in
 * the question, the longest such name winning ("context window" over "window"). Undefined for
 * questions that are not about what a word means.
 */
export function lookupTerm(
  glossary: readonly GlossaryEntry[],
  question: string,
): GlossaryEntry | undefined {
  const trimmed = question.trim();
  const words = stemsOf(trimmed);
  const asks = DEFINITION_QUESTION.test(trimmed) || words.length <= BARE_TERM_WORDS;
  if (!asks || words.length === 0) return undefined;
  let best: { entry: GlossaryEntry; length: number } | undefined;
  for (const entry of glossary) {
    for (const name of [entry.term, ...entry.aliases]) {
      const phrase = stemsOf(name);
      if (phrase.length > 0 && occurs(phrase, words) && phrase.length > (best?.length ?? 0)) {
        best = { entry, length: phrase.length };
      }
    }
  }
  // "what is the difference between training and inference" is no definition of one term.
  if (best && words.length > best.length + 4 && !DEFINITION_QUESTION.test(trimmed))
    return undefined;
  return best?.entry;
}

/** The entry in the learner's voice, named and sourced. */
export function definitionIn(entry: GlossaryEntry, voice: VoiceName): string {
  const text = entry[voice];
  const name = entry.term.charAt(0).toUpperCase() + entry.term.slice(1);
  const author = entry.source.paper.split(",")[0] ?? entry.source.paper;
  const where = entry.source.where.split(/[;(]/)[0]?.trim() ?? entry.source.where;
  return `${name}: ${text} (Source: ${author}, ${where}.)`;
}

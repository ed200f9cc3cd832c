import { distance } from "fastest-levenshtein";
import { z } from "zod";
import { normaliseWriting } from "../curriculum/writing";
import type { TeacherReading } from "../reading/combine";

/**
 * Class exemplars: answers a teacher gave a verdict on. A later answer at the same node in the
 * same class that is near-identical is read with that verdict instead of the tutor's reading.
 *
 * Near-identical means: after src/curriculum/writing.ts normalisation (case, contractions,
 * shorthand, notation) and dropping punctuation, the same words in the same order, except that
 * up to one word in ten (at least one) may be misspelt by at most two letters. Such a word may not
 * carry a digit or a negation, so "6 times" never matches "8 times" and "is" never matches "isn't".
 * No word may be added or removed: one added "not" reverses an answer.
 */

/** The verdicts a check answer can have, the tutor's or a teacher's. */
export const VerdictSchema = z.enum(["correct", "partial", "misconception", "unrecognised"]);

const WORD = /[a-z0-9]+(?:[.'][a-z0-9]+)*/g;
const NEGATIONS = new Set(["no", "not", "nor", "never", "none", "nothing", "neither", "without"]);
const MAX_LETTERS_PER_WORD = 2;
const WORDS_PER_TYPO = 10;

export type Exemplar = TeacherReading & { nodeId: string; normalisedText: string };

/** The answer's words as exemplars compare them, separated by single spaces. */
export function exemplarKey(text: string): string {
  return (normaliseWriting(text).match(WORD) ?? []).join(" ");
}

function isTypo(a: string, b: string): boolean {
  const meaningful = (word: string) => /\d/.test(word) || NEGATIONS.has(word);
  if (meaningful(a) || meaningful(b)) return false;
  return distance(a, b) <= Math.min(MAX_LETTERS_PER_WORD, Math.min(a.length, b.length) - 1);
}

/** True when two exemplar keys are the same answer up to a few small misspellings. */
export function nearIdentical(keyA: string, keyB: string): boolean {
  if (keyA === keyB) return keyA.length > 0;
  const a = keyA.split(" ");
  const b = keyB.split(" ");
  if (a.length !== b.length) return false;
  const allowed = Math.max(1, Math.floor(a.length / WORDS_PER_TYPO));
  let typos = 0;
  for (let i = 0; i < a.length; i++) {
    const wordA = a[i] ?? "";
    const wordB = b[i] ?? "";
    if (wordA === wordB) continue;
    if (!isTypo(wordA, wordB) || ++typos > allowed) return false;
  }
  return true;
}

/** The teacher's reading of the newest exemplar at `nodeId` that `text` nearly repeats. */
export function exemplarReading(
  exemplars: readonly Exemplar[],
  nodeId: string,
  text: string,
): TeacherReading | undefined {
  const key = exemplarKey(text);
  const match = exemplars.find((e) => e.nodeId === nodeId && nearIdentical(e.normalisedText, key));
  if (!match) return undefined;
  return {
    verdict: match.verdict,
    keyIdeasFound: match.keyIdeasFound,
    ...(match.misconceptionId && { misconceptionId: match.misconceptionId }),
  };
}

const KeyIdeasSchema = z.array(z.string()).catch([]);

/** A stored review as exemplar matching reads it. */
export function toExemplar(row: {
  nodeId: string;
  normalisedText: string;
  verdict: string;
  misconceptionId: string | null;
  keyIdeas: string;
}): Exemplar {
  let keyIdeas: unknown = [];
  try {
    keyIdeas = JSON.parse(row.keyIdeas);
  } catch {}
  return {
    nodeId: row.nodeId,
    normalisedText: row.normalisedText,
    verdict: VerdictSchema.catch("unrecognised").parse(row.verdict),
    keyIdeasFound: KeyIdeasSchema.parse(keyIdeas),
    ...(row.misconceptionId && { misconceptionId: row.misconceptionId }),
  };
}

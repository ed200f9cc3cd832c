/**
 * Attacks on the grader that need no labels: one list of the lesson's generic keywords sent as
 * the answer to every check question, and each node's own explanations pasted back as the answer.
 */
import type { Lesson } from "../../src/curriculum/schema";
import { outcomeOf } from "./grading-score";

/** Generic words of the subject, as a learner who skimmed the lesson might string them together. */
export const KEYWORD_LIST = [
  "scale, parameters, data, compute, next word prediction, same task, bigger model, more data",
  "power law, smooth, predictable, 6ND, emergent abilities, few-shot, in-context learning",
  "overfitting, memorisation, generalisation, capacity, Chinchilla, 20 tokens per parameter",
  "diminishing returns, irreducible loss, hallucination, model collapse, finite data, tools, retrieval",
].join(", ");

export function attackPasses(lesson: Lesson): {
  keywordPasses: number;
  pastedPasses: number;
  pastedTries: number;
} {
  const check = (node: string, text: string) =>
    outcomeOf(lesson, { node, question: "check", text, label: "incorrect", tags: [] }).got ===
    "correct";
  const keywordPasses = lesson.nodes.filter((node) => check(node.id, KEYWORD_LIST)).length;
  const pasted = lesson.nodes.flatMap((node) =>
    [node.voices.plain, node.voices.metaphor].map((text) => check(node.id, text)),
  );
  return { keywordPasses, pastedPasses: pasted.filter(Boolean).length, pastedTries: pasted.length };
}

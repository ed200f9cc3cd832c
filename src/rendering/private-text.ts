import type { Lesson } from "../curriculum/schema";
import { shingles } from "../reading/gaming";

/** Six words in a row shared with private text is a leak, not a coincidence. */
export const LEAK_WORDS = 6;

/**
 * Word 6-grams of what no learner may read: the instructions of every prompt, and each rubric's
 * descriptions and sample answers (all but the first correct one, which is shown after tries).
 * A model reply sharing one of them, outside the draft it was given, is a leak.
 */
export function privateGramsOf(lesson: Lesson, promptTexts: readonly string[]): Set<string> {
  const texts = [
    ...promptTexts.map((t) => t.replace(/\{\{\s*\w+\s*\}\}/g, " ")),
    ...lesson.nodes.flatMap(({ check: { rubric } }) => [
      ...rubric.keyIdeas.map((idea) => idea.description),
      ...rubric.misconceptions.map((m) => m.description),
      ...rubric.samples.correct.slice(1),
      ...Object.values(rubric.samples.misconceptions).flat(),
      ...(rubric.samples.partial ?? []),
    ]),
  ];
  return new Set(texts.flatMap((t) => shingles(t, LEAK_WORDS)));
}

/** True when `text` shares six words in a row with private text that `allowed` does not contain. */
export function leaksPrivate(
  text: string,
  privateGrams: ReadonlySet<string>,
  allowed: string,
): boolean {
  const ok = new Set(shingles(allowed, LEAK_WORDS));
  return shingles(text, LEAK_WORDS).some((g) => privateGrams.has(g) && !ok.has(g));
}

import type { Lesson } from "../curriculum/schema";
import { shingles } from "./gaming";

const cache = new WeakMap<Lesson, ReadonlySet<string>>();

/**
 * Word 4-grams of everything the lesson may show a learner: questions, explanations in every
 * voice, follow-ups, hints and the explanations given after tries. An answer made mostly of these
 * is pasted, not written. Computed once per lesson object.
 */
export function shownTextOf(lesson: Lesson): ReadonlySet<string> {
  const cached = cache.get(lesson);
  if (cached) return cached;
  const grams = new Set<string>();
  for (const node of lesson.nodes) {
    const texts = [
      node.check.question,
      node.voices.metaphor,
      node.voices.plain,
      ...node.voices.socratic.flatMap((s) => [s.ask, s.followUp, s.goodAnswer]),
      ...node.hints,
      ...node.check.rubric.misconceptions.map((m) => m.feedback),
      node.check.rubric.samples.correct[0] ?? "",
    ];
    for (const text of texts) for (const g of shingles(text)) grams.add(g);
  }
  cache.set(lesson, grams);
  return grams;
}

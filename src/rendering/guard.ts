import type { Lesson, LessonNode } from "../curriculum/schema";
import { readCheckAnswer } from "../reading/reader";

const SENTENCE = /(?<=[.!?])\s+(?=[A-Z0-9"“(])/;

/** Sentences of each paragraph, so a withheld sentence leaves the rest of its paragraph intact. */
function sentencesOf(text: string): string[][] {
  return text.split(/\n{2,}/).map((paragraph) => paragraph.split(SENTENCE));
}

const joined = (paragraphs: string[][]) =>
  paragraphs
    .map((sentences) => sentences.join(" "))
    .filter((p) => p.trim())
    .join("\n\n");

/**
 * True when the statements of a text (its questions left out: a question asks, it does not tell)
 * would pass `node`'s check question as a correct answer.
 */
export function answersCheck(lesson: Lesson, node: LessonNode, text: string): boolean {
  const statements = sentencesOf(text)
    .map((sentences) => sentences.filter((s) => !s.trim().endsWith("?")).join(" "))
    .join("\n\n");
  return readCheckAnswer(lesson, node, statements, [], { tutorText: true }).verdict === "correct";
}

/**
 * Text the tutor is about to show before the learner has tried `node`'s check question, with the
 * answer held back: while the text, read by that question's own reader, would pass as a correct
 * answer, the sentence that shows the most key ideas is withheld (the last such, since
 * explanations end on their point). Questions and the sentences named are never withheld. Pure.
 */
export function withholdAnswer(
  lesson: Lesson,
  node: LessonNode,
  text: string,
  sentences: {
    /** Never withheld (the pending question, where the lesson goes), though judged. */
    keep?: (sentence: string) => boolean;
    /** Neither withheld nor judged: the learner's own words quoted back tell them nothing. */
    learners?: (sentence: string) => boolean;
  } = {},
): { text: string; withheld: number } {
  const { keep = () => false, learners = () => false } = sentences;
  const passes = (paragraphs: string[][]) =>
    answersCheck(
      lesson,
      node,
      joined(paragraphs.map((sentences) => sentences.filter((s) => !learners(s)))),
    );
  const paragraphs = sentencesOf(text);
  if (!passes(paragraphs)) return { text, withheld: 0 };
  let withheld = 0;
  while (passes(paragraphs)) {
    let best: { p: number; s: number; ideas: number } | undefined;
    paragraphs.forEach((sentences, p) => {
      sentences.forEach((sentence, s) => {
        if (sentence.trim().endsWith("?") || keep(sentence) || learners(sentence)) return;
        const ideas = readCheckAnswer(lesson, node, sentence, [], { tutorText: true }).keyIdeasFound
          .length;
        if (!best || ideas >= best.ideas) best = { p, s, ideas };
      });
    });
    if (!best) break;
    const { p, s } = best;
    paragraphs[p]?.splice(s, 1);
    withheld++;
  }
  return { text: joined(paragraphs), withheld };
}

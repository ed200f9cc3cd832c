import type { Lesson, LessonNode } from "../curriculum/schema";
import { shortQuestion } from "../tutor/lesson-view";
import type { TutorState } from "../tutor/state";
import { fingerprint } from "./fingerprint";
import { withholdAnswer } from "./guard";
import { pick, SEEN_ABOVE, TRY_AGAIN } from "./phrasing";

/** How many paragraphs a session remembers having shown. */
const MEMORY = 400;

const REPEAT_REQUEST = /\b(?:again|repeat|once more|one more time|say that)\b/i;

/** True when the learner asks to see something again ("say that again", "repeat it"). */
export const asksForRepeat = (learnerText: string) => REPEAT_REQUEST.test(learnerText);

/** True while the learner has not tried the check question of the node they are on. */
function checkUntried(state: TutorState): boolean {
  return !state.finished && (state.phase === "socratic" || state.attempts === 0);
}

function asksPending(paragraphs: readonly string[], node: LessonNode, state: TutorState): boolean {
  const short = shortQuestion(node, state);
  return paragraphs.some((p) => p.includes("?") || p.includes(short));
}

/** True when the sentence quotes the learner's message (“…”), as credit and retries do. */
function quotesLearner(sentence: string, learnerText: string | undefined): boolean {
  if (!learnerText) return false;
  const quotes = [...sentence.matchAll(/“([^”]{3,})”/g)].map((m) => m[1]?.replace(/…$/, "") ?? "");
  return quotes.some((quote) => learnerText.includes(quote));
}

/** A paragraph this long teaches something; shorter ones frame ("Not quite yet."). */
const POINT_WORDS = 12;

/**
 * What a "why?" that follows would ask about: the last paragraph of the reply that states
 * something (not a question, not a framing line), at most 1,000 characters.
 */
function lastStatement(text: string): string | undefined {
  const statements = text
    .split(/\n{2,}/)
    .filter((p) => !p.trim().endsWith("?") && p.split(/\s+/).length >= POINT_WORDS);
  return statements.at(-1)?.slice(0, 1_000);
}

/**
 * The last pass every reply takes before a learner sees it (pure):
 * 1. a paragraph already shown in this session is not shown again, unless the learner asks;
 * 2. a reply that no longer asks anything while the tutor awaits an answer asks again: the
 *    pending question in short when the reply moved away from it (`movedAway`), else a short
 *    invitation to try;
 * 3. before the learner has tried the pending check question, whatever would pass it is withheld
 *    (see guard.ts), judged on the text exactly as it will be shown;
 * the state remembers what was shown.
 */
export function finishReply(
  lesson: Lesson,
  after: TutorState,
  text: string,
  options: { repeatRequested?: boolean; movedAway?: boolean; learnerText?: string } = {},
): { text: string; state: TutorState; withheld: number } {
  const node = lesson.nodes.find((n) => n.id === after.nodeId);
  const seen = new Set(after.shown);
  const seed = after.shown.length;
  const paragraphs = text
    .split(/\n{2,}/)
    .filter((p) => p.trim() && (options.repeatRequested || !seen.has(fingerprint(p))));
  // Remembered as written too, so a paragraph shown trimmed or with a question added still counts.
  const written = paragraphs.map(fingerprint);
  const awaiting = node && !after.finished;
  if (paragraphs.length === 0 && !(awaiting && options.movedAway)) {
    const question = node && !after.finished ? shortQuestion(node, after) : "";
    const lines = SEEN_ABOVE.map((line) => line(question).trim());
    paragraphs.push(lines.find((line) => !seen.has(fingerprint(line))) ?? pick(lines, seed));
  } else if (node && awaiting && !asksPending(paragraphs, node, after)) {
    if (options.movedAway) paragraphs.push(shortQuestion(node, after));
    else paragraphs.push(`${paragraphs.pop()} ${pick(TRY_AGAIN, seed)}`);
  }
  const pending = node && shortQuestion(node, after);
  // The pending question and the lines that name where the lesson goes stay.
  const keep = (sentence: string) =>
    sentence.trim() === pending || lesson.nodes.some((n) => sentence.includes(`“${n.title}”`));
  const learners = (sentence: string) => quotesLearner(sentence, options.learnerText);
  const shownText = paragraphs.join("\n\n");
  const guarded =
    node && checkUntried(after)
      ? withholdAnswer(lesson, node, shownText, { keep, learners })
      : { text: shownText, withheld: 0 };
  const shown = [...after.shown, ...written, ...guarded.text.split(/\n{2,}/).map(fingerprint)];
  const point = lastStatement(guarded.text);
  return {
    text: guarded.text,
    state: {
      ...after,
      shown: [...new Set(shown)].slice(-MEMORY),
      ...(point && { lastPoint: point }),
    },
    withheld: guarded.withheld,
  };
}

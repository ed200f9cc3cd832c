import type { Lesson } from "../curriculum/schema";
import { type Move, shortQuestion, type TutorState } from "../tutor";
import { paragraphs, pick, say } from "./phrasing";

/** Moves that leave the pending question for something else: the reply then restates it. */
const MOVES_AWAY = new Set<Move["kind"]>(["answer-question", "redirect", "refuse"]);

/**
 * The offline wording of a reply (pure): each move in a phrasing chosen by `seed` (how far the
 * session has got), so the same move reads differently across a session. `after` is the state
 * the reply leads to; its pending question is restated, in short, after a reply that moved away.
 */
export function renderMoves(
  lesson: Lesson,
  after: TutorState,
  moves: readonly Move[],
  seed: number,
): string {
  const node = lesson.nodes.find((n) => n.id === after.nodeId);
  const pending = node && !after.finished ? shortQuestion(node, after) : "";
  const asks = moves.some((move) => move.kind === "ask" || move.kind === "probe");
  const restate =
    pending && !asks && moves.some((move) => MOVES_AWAY.has(move.kind))
      ? pick(say.backTo, seed)(pending)
      : undefined;
  return paragraphs(...moves.map((move) => wordOf(move, pending, seed)), restate);
}

function wordOf(move: Move, pending: string, seed: number): string {
  switch (move.kind) {
    case "welcome":
      return say.welcome(move.title);
    case "enter":
      return pick(say.enter[move.why], seed)(move.title);
    case "ask":
    case "probe":
      return move.question;
    case "credit":
      return pick(move.complete ? say.credit : say.partCredit, seed)(move.evidence);
    case "correct":
      return move.feedback;
    case "retry":
      return pick(say.retry, seed)(move.evidence);
    case "not-yet":
      return pick(say.notYet, seed);
    case "hint":
      return move.rung === 0 ? say.picture(move.text) : move.text;
    case "hints-used-up":
      return say.hintsUsedUp(pending);
    case "tell":
      return move.why === "shown" ? move.text : pick(say.toldAfterTries, seed)(move.text);
    case "leave-open":
      return say.leaveOpen;
    case "explain":
      return paragraphs(
        say.explainAfterTries,
        move.text,
        move.sample && say.sampleAnswer(move.sample),
      );
    case "set-aside":
      return say.setAside;
    case "gaming":
      return say.gaming(pending);
    case "answer-question":
      // The answer is its own part of the turn (lesson passage, glossary entry or model).
      return "";
    case "redirect":
      return move.why === "off-topic" && move.quote
        ? pick(say.offTopic, seed)(move.quote)
        : pick(say.smallTalk, seed);
    case "refuse":
      return say.refuse[move.why];
    case "caution":
      return say.caution[move.why];
    case "voice":
      return paragraphs(say.voiceIntro[move.voice], move.text);
    case "complete":
      return say.lessonComplete(move.mastered, move.total);
    case "after-lesson":
      return say.afterLesson;
  }
}

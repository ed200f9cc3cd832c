import type { VoiceName } from "../curriculum/schema";

/**
 * What the tutor does in a reply, as data: the engine decides the moves, a renderer words them
 * (offline templates in src/rendering, or the configured model). Every string a move carries is
 * text the learner may read (the learner's own words, or public lesson text shown at this point);
 * nothing private (accept lists, answer banks, descriptions of ideas not shown) is ever in a move.
 */
export type Move =
  /** The lesson begins with the node titled `title`. */
  | { kind: "welcome"; title: string }
  /** The tutor moves to another node: the graph's next, a remediation visit, or back from one. */
  | { kind: "enter"; title: string; why: "next" | "remediation" | "resume" }
  /** A question to answer: a guiding question or the node's check question. */
  | { kind: "ask"; question: string; of: "guiding" | "check" }
  /** Credit for what is right, in the learner's own words; `complete` when nothing is missing. */
  | { kind: "credit"; evidence: string; complete: boolean }
  /** A question that leads to a key idea the answer lacks, without stating it. */
  | { kind: "probe"; question: string }
  /** The answer states a misconception: the curriculum's correction of it. */
  | { kind: "correct"; feedback: string }
  /** A guiding answer that missed: what the learner said, and an invitation to try once more. */
  | { kind: "retry"; evidence: string }
  /** A check answer that showed none of the ideas yet. */
  | { kind: "not-yet" }
  /** A rung of the hint ladder (1-3), or a picture of the idea for a guiding question (rung 0). */
  | { kind: "hint"; text: string; rung: number }
  /** Every hint of the ladder has been shown. */
  | { kind: "hints-used-up" }
  /** A guiding question's point: after a right answer, after the tries ran out, or left open. */
  | { kind: "tell"; text: string; why: "shown" | "after-tries" }
  /** A guiding question left open unanswered (the learner asked to skip it before trying). */
  | { kind: "leave-open" }
  /** The check question explained after the tries ran out, with an answer that would do. */
  | { kind: "explain"; text: string; sample?: string }
  /** The check question set aside untried after every hint. */
  | { kind: "set-aside" }
  /** Check answers mix several options or keywords, or paste the tutor's words. */
  | { kind: "gaming" }
  /** A free-form question, answered separately (lesson passage, glossary or model). */
  | { kind: "answer-question"; question: string }
  /** A message that is not about the lesson; `quote` names it when it asked about something. */
  | { kind: "redirect"; why: "small-talk" | "off-topic"; quote?: string }
  /** A request for the answers or the tutor's instructions, or an order to drop its role. */
  | { kind: "refuse"; why: "extraction" | "injection" }
  /** A word about the message itself (abuse, personal data), whatever else the reply does. */
  | { kind: "caution"; why: "abuse" | "personal-data" }
  /** The learner picked a voice; `text` is the current idea told in it (none for Socratic). */
  | { kind: "voice"; voice: VoiceName; text?: string }
  /** The lesson is over. */
  | { kind: "complete"; mastered: number; total: number }
  /** The lesson was already over: a message after its end. */
  | { kind: "after-lesson" };

export type MoveKind = Move["kind"];

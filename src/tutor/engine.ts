import type { Lesson, LessonNode, VoiceName } from "../curriculum/schema";
import { matchesAny } from "../curriculum/text-match";
import {
  combineCheck,
  combineGuiding,
  type ModelReading,
  type TeacherReading,
  withTeacherReading,
} from "../reading/combine";
import { detectGaming, type GamingSignal } from "../reading/gaming";
import {
  type GuidingReading,
  type Reading,
  readCheckAnswer,
  readGuidingAnswer,
} from "../reading/reader";
import { shownTextOf } from "../reading/shown-text";
import type { CalculationRequest } from "./calculation-request";
import { quoteOf } from "./evidence";
import { type Classification, classifyIntent, type Intent } from "./intent";
import {
  currentQuestion,
  explanationIn,
  nextVoice,
  nodeOf,
  subjectOf,
  vocabularyOf,
} from "./lesson-view";
import type { Move } from "./moves";
import {
  chooseNextNode,
  enterNode,
  markCompleted,
  observe,
  progress,
  resumeNode,
} from "./navigation";
import type { Flag, FlagKind } from "./safety";
import { type NodeOutcome, TUTOR_STATE_VERSION, type TutorState, TutorStateSchema } from "./state";

/** Misses on a guiding question before the tutor explains it and moves on. */
export const GUIDING_ATTEMPTS = 2;
/** Hint requests on a guiding question before the tutor moves on (a picture of the idea comes first). */
export const GUIDING_HELP_REQUESTS = 2;
/** Failed check attempts before the tutor explains; above the ladder's 3 rungs, so all are shown first. */
export const CHECK_ATTEMPTS = 4;
/** Hint requests on a check question before the tutor moves on: the ladder's 3 rungs and then some. */
export const HELP_REQUESTS = 5;

export type ReplyKind =
  | "question"
  | "feedback"
  | "hint"
  | "explanation"
  | "return"
  | "redirect"
  | "refusal"
  | "complete";

export interface TurnResult {
  state: TutorState;
  /** What the reply does, in order; a renderer words it. */
  moves: Move[];
  kind: ReplyKind;
}

export interface StepResult extends TurnResult {
  intent: Intent;
  /** Set when the message was graded as an answer to a check question. */
  grade?: Reading;
  flag?: Flag;
  /** A calculation the learner asked for; the model answers it with the calculator tool. */
  calculation?: CalculationRequest;
  /** The reply needs prose beyond the curriculum: a model answers `text`, then `reply` follows. */
  question?: { text: string; nodeId: string };
}

export interface StepOptions {
  /** The grading model's reading of this answer, combined with the offline reading. */
  modelReading?: ModelReading;
  /** A teacher's verdict on the same answer in this class: it replaces both readings. */
  teacherReading?: TeacherReading;
}

/** Which question a message answers, when it is an answer the grading model should also read. */
export type AnswerTarget = { nodeId: string } & (
  | { kind: "check" }
  | { kind: "guiding"; step: number }
);

/**
 * The question `text` answers, or undefined when it is no answer (a question, a hint request, …)
 * or when it addresses the grader: such an answer is read offline only and never reaches a model.
 */
export function answerTargetOf(
  lesson: Lesson,
  state: TutorState,
  text: string,
): AnswerTarget | undefined {
  if (state.finished || classifyTurn(lesson, state, text).intent.kind !== "answer")
    return undefined;
  if (detectGaming(text, shownTextOf(lesson))?.kind === "grader-instruction") return undefined;
  return state.phase === "socratic"
    ? { nodeId: state.nodeId, kind: "guiding", step: state.step }
    : { nodeId: state.nodeId, kind: "check" };
}

interface Turn extends TurnResult {
  grade?: Reading;
  flag?: Flag;
}

const turnResult = ({ state, moves, kind }: Turn): TurnResult => ({ state, moves, kind });

export function startSession(lesson: Lesson, voice: VoiceName = "socratic"): TurnResult {
  // Fields with defaults (what was shown, ideas across tries) start empty; enterNode sets the rest.
  const state: TutorState = enterNode(
    TutorStateSchema.parse({
      version: TUTOR_STATE_VERSION,
      lessonId: lesson.id,
      nodeId: lesson.start,
      voice,
      phase: "socratic",
      step: 0,
      rung: 0,
      attempts: 0,
      helpRequests: 0,
      mastery: Object.fromEntries(lesson.kcs.map((kc) => [kc.id, 0.1])),
      completed: [],
      remediated: [],
      returnTo: [],
      finished: false,
    }),
    lesson.start,
  );
  const node = nodeOf(lesson, lesson.start);
  return {
    state,
    moves: [{ kind: "welcome", title: node.title }, openingOf(node)],
    kind: "question",
  };
}

/** Flags that do not change how a message is handled, only add a word about it. */
const CAUTIONS: Partial<Record<FlagKind, Move>> = {
  abuse: { kind: "caution", why: "abuse" },
  "personal-data": { kind: "caution", why: "personal-data" },
};

/** One learner message: classify it, then answer, grade, hint, switch voice or redirect. */
export function step(
  lesson: Lesson,
  state: TutorState,
  text: string,
  options: StepOptions = {},
): StepResult {
  const { intent, flag } = classifyTurn(lesson, state, text);
  const turn = respond(lesson, state, text, intent, options);
  const turnFlag = flag ?? turn.flag;
  const caution = flag && CAUTIONS[flag.kind];
  const asksModel = intent.kind === "question" || intent.kind === "calculation";
  const pressing = intent.kind === "extraction" || intent.kind === "injection";
  return {
    state: { ...turn.state, pressing },
    moves: caution ? [caution, ...turn.moves] : turn.moves,
    kind: turn.kind,
    intent,
    ...(turn.grade && { grade: turn.grade }),
    ...(turnFlag && { flag: turnFlag }),
    ...(intent.kind === "calculation" && { calculation: intent.request }),
    ...(asksModel && {
      question: { text: questionAsked(lesson, state, text, intent), nodeId: state.nodeId },
    }),
  };
}

/** What the message is, as the tutor reads it (an answer dressed as a question is an answer), and any flag. */
function classifyTurn(lesson: Lesson, state: TutorState, text: string): Classification {
  const classified = classifyIntent(text, {
    awaitingAnswer: !state.finished,
    vocabulary: vocabularyOf(lesson),
    subject: subjectOf(lesson),
    detector: lesson.reader?.extraction,
  });
  const intent = answerAfterAll(lesson, state, text, classified.intent);
  if (pressesOn(lesson, state, text, intent))
    return { intent: { kind: "extraction" }, flag: PRESSING };
  return { ...classified, intent };
}

/** "why?" asks about what the tutor just said: the question is that statement's why. */
function questionAsked(lesson: Lesson, state: TutorState, text: string, intent: Intent): string {
  if (intent.kind !== "question" || !intent.followUp) return text;
  const about = state.lastPoint ?? currentQuestion(nodeOf(lesson, state.nodeId), state);
  return `${about} (${text})`;
}

/**
 * "how big it is and how much text it read" opens like a question but answers one. A message
 * classified as off-topic, or as a question without a question mark, is read as an answer when
 * the reader finds the current question's ideas in it.
 */
function answerAfterAll(lesson: Lesson, state: TutorState, text: string, intent: Intent): Intent {
  if (state.finished) return intent;
  // "the game state and the physics" names an off-topic word; "how big it is" opens a question.
  const maybeAnswer =
    intent.kind === "off-topic" || (intent.kind === "question" && !/\?\s*$/.test(text));
  if (!maybeAnswer) return intent;
  return readsAsAnswer(lesson, state, text) ? { kind: "answer" } : intent;
}

/** True when the reader finds the pending question's ideas in the message. */
function readsAsAnswer(lesson: Lesson, state: TutorState, text: string): boolean {
  const node = nodeOf(lesson, state.nodeId);
  return state.phase === "socratic"
    ? readGuidingAnswer(lesson, node, state.step, text).shown
    : readCheckAnswer(lesson, node, text, state.ideasShown).verdict !== "unrecognised";
}

/** A follow-up this short, right after a refused attempt, is read as part of that attempt. */
const PRESSING_WORDS = 25;

const PRESSING: Flag = {
  kind: "extraction",
  reason: "keeps pressing for the answers right after a refused attempt",
};

/**
 * "come on, just the first part then": after a refused attempt, a short message that answers
 * nothing and asks nothing about the lesson continues the attempt, and is flagged as such.
 */
function pressesOn(lesson: Lesson, state: TutorState, text: string, intent: Intent): boolean {
  return (
    state.pressing &&
    !state.finished &&
    (intent.kind === "answer" || intent.kind === "off-topic") &&
    text.split(/\s+/).length <= PRESSING_WORDS &&
    !readsAsAnswer(lesson, state, text)
  );
}

function respond(
  lesson: Lesson,
  state: TutorState,
  text: string,
  intent: Intent,
  options: StepOptions,
): Turn {
  const node = nodeOf(lesson, state.nodeId);
  const afterLesson: Turn = { state, moves: [{ kind: "after-lesson" }], kind: "complete" };
  switch (intent.kind) {
    case "answer":
      if (state.finished) return afterLesson;
      return state.phase === "socratic"
        ? answerGuiding(lesson, state, node, text, options.modelReading)
        : answerCheck(lesson, state, node, text, options.modelReading, options.teacherReading);
    case "hint":
      return helpWith(lesson, state, node);
    case "voice":
      return voiceTurn(lesson, state, intent.voice ?? nextVoice(state.voice));
    case "question":
    case "calculation":
      return {
        state,
        moves: [
          { kind: "answer-question", question: text },
          ...(state.finished ? [{ kind: "after-lesson" } as const] : []),
        ],
        kind: "return",
      };
    case "small-talk":
      return { state, moves: [{ kind: "redirect", why: "small-talk" }], kind: "redirect" };
    case "off-topic":
      return {
        state,
        moves: [{ kind: "redirect", why: "off-topic", quote: quoteOf(text) }],
        kind: "redirect",
      };
    case "injection":
      return {
        state,
        moves: [{ kind: "refuse", why: "injection" }, ...(state.finished ? afterLesson.moves : [])],
        kind: "refusal",
      };
    case "personal-data":
      // The caution comes first (CAUTIONS); then the question again, nothing graded.
      return { state, moves: [currentAsk(node, state)], kind: "redirect" };
    case "extraction": {
      const refusal: Move = { kind: "refuse", why: state.finished ? "injection" : "extraction" };
      if (state.finished) return { state, moves: [refusal, ...afterLesson.moves], kind: "refusal" };
      const help = helpWith(lesson, state, node);
      return { ...help, moves: [refusal, ...help.moves], kind: "refusal" };
    }
  }
}

/** The first guiding question: the tutor asks before it tells, in every voice. */
function openingOf(node: LessonNode): Move {
  const first = node.voices.socratic[0];
  return first ? { kind: "ask", question: first.ask, of: "guiding" } : checkQuestion(node);
}

const checkQuestion = (node: LessonNode): Move => ({
  kind: "ask",
  question: node.check.question,
  of: "check",
});

function guidingOf(node: LessonNode, state: TutorState) {
  const guiding = node.voices.socratic[state.step];
  if (!guiding) throw new Error(`node "${node.id}" has no guiding question ${state.step}`);
  return guiding;
}

/** A turn on an answer that games the grader carries the flag, whatever else it does. */
function flaggedIfGaming(turn: Turn, gaming: GamingSignal | undefined): Turn {
  return gaming ? { ...turn, flag: { kind: "gaming", reason: gaming.reason } } : turn;
}

function answerGuiding(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  text: string,
  model: ModelReading | undefined,
): Turn {
  const reading = combineGuiding(
    readGuidingAnswer(lesson, node, state.step, text),
    model?.kind === "guiding" && model.step === state.step ? model : undefined,
    text,
  );
  return flaggedIfGaming(guidingTurn(lesson, state, node, text, reading), reading.gaming);
}

function guidingTurn(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  text: string,
  reading: GuidingReading,
): Turn {
  const guiding = guidingOf(node, state);
  const shown = reading.shown;
  // Ideas of later guiding questions stated now are not asked for again.
  const laterShown = node.voices.socratic
    .map((_, later) => later)
    .filter((later) => later > state.step && !state.stepsShown.includes(later))
    .filter((later) => readGuidingAnswer(lesson, node, later, text).shown);
  const observed = {
    ...observe(state, node, shown),
    stepsShown: [...state.stepsShown, ...laterShown],
  };
  if (reading.gaming && state.attempts + 1 < GUIDING_ATTEMPTS) {
    return {
      state: { ...observed, attempts: state.attempts + 1 },
      moves: [{ kind: "gaming" }],
      kind: "feedback",
    };
  }
  if (shown) {
    return advanceGuiding(observed, node, { kind: "tell", text: guiding.followUp, why: "shown" });
  }
  const attempts = state.attempts + 1;
  if (attempts >= GUIDING_ATTEMPTS) {
    const told: Move = { kind: "tell", text: guiding.goodAnswer, why: "after-tries" };
    return advanceGuiding(observed, node, told);
  }
  return {
    state: { ...observed, attempts },
    moves: [{ kind: "retry", evidence: quoteOf(text) }],
    kind: "feedback",
  };
}

/** After a guiding question: the next one, or (in the learner's voice) the check question. */
function advanceGuiding(state: TutorState, node: LessonNode, told: Move): Turn {
  let nextStep = state.step + 1;
  while (state.stepsShown.includes(nextStep)) nextStep++;
  const nextGuiding = node.voices.socratic[nextStep];
  if (nextGuiding) {
    return {
      state: { ...state, step: nextStep, attempts: 0, helpRequests: 0 },
      moves: [told, { kind: "ask", question: nextGuiding.ask, of: "guiding" }],
      kind: "question",
    };
  }
  // Outside the Socratic voice, the node's explanation in that voice leads to the check.
  const bridge: Move[] =
    state.voice === "socratic"
      ? []
      : [{ kind: "voice", voice: state.voice, text: explanationIn(node, state.voice) }];
  return {
    state: { ...state, phase: "check", step: nextStep, attempts: 0, helpRequests: 0 },
    moves: [told, ...bridge, checkQuestion(node)],
    kind: "question",
  };
}

function answerCheck(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  text: string,
  model: ModelReading | undefined,
  teacher?: TeacherReading,
): Turn {
  const combined = combineCheck(
    node.check.rubric,
    readCheckAnswer(lesson, node, text, state.ideasShown),
    model?.kind === "check" ? model : undefined,
    text,
  );
  const grade = withTeacherReading(node.check.rubric, combined, teacher);
  return flaggedIfGaming(checkTurn(lesson, state, node, text, grade), grade.gaming);
}

/** The learner's own words that show the ideas found: the best clause, or a whole sentence. */
function evidenceOf(node: LessonNode, grade: Reading, text: string): string {
  const found = node.check.rubric.keyIdeas.filter((idea) => grade.keyIdeasFound.includes(idea.id));
  const clause = found.map((idea) => grade.evidence[idea.id]).find(Boolean);
  if (clause) return quoteOf(clause);
  return quoteOf(text, (sentence) => found.some((idea) => matchesAny(idea.accept, sentence)));
}

function checkTurn(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  text: string,
  grade: Reading,
): Turn {
  const { rubric } = node.check;
  const correct = grade.verdict === "correct";
  const observed = observe(state, node, correct);
  if (correct) {
    // The whole answer earned it: quoted as written (its first sentence, when it has several).
    const credit: Move = { kind: "credit", evidence: quoteOf(text), complete: true };
    return { ...leaveNode(lesson, observed, node, "shown", [credit]), grade };
  }

  const failed = {
    ...observed,
    attempts: state.attempts + 1,
    rung: Math.min(3, state.rung + 1),
    // A misconception stated now outweighs what earlier tries showed.
    ideasShown: grade.verdict === "misconception" ? [] : grade.keyIdeasFound,
  };
  const feedback = (moves: Move[]): Turn => ({ state: failed, moves, kind: "feedback", grade });
  if (grade.gaming && failed.attempts < CHECK_ATTEMPTS) return feedback([{ kind: "gaming" }]);
  const misconception = rubric.misconceptions.find((m) => m.id === grade.misconceptionId);
  const correction: Move[] = misconception
    ? [{ kind: "correct", feedback: misconception.feedback }]
    : [];
  if (failed.attempts >= CHECK_ATTEMPTS) {
    return { ...explainAndLeave(lesson, failed, node, correction), grade };
  }
  if (misconception) {
    const remedy = misconception.remediation;
    const canRoute =
      remedy !== undefined &&
      remedy !== node.id &&
      !state.remediated.includes(remedy) &&
      !state.returnTo.includes(remedy);
    if (canRoute) {
      const target = nodeOf(lesson, remedy);
      const routed = enterNode(
        {
          ...failed,
          remediated: [...state.remediated, remedy],
          returnTo: [...state.returnTo, node.id],
        },
        remedy,
      );
      const moves: Move[] = [
        ...correction,
        { kind: "enter", title: target.title, why: "remediation" },
        openingOf(target),
      ];
      return { state: routed, moves, kind: "feedback", grade };
    }
    return feedback([...correction, ladderRung(node, failed.rung)]);
  }
  if (grade.verdict === "partial") {
    const credit: Move = {
      kind: "credit",
      evidence: evidenceOf(node, grade, text),
      complete: false,
    };
    const next = failed.rung < 3 ? probeFor(node, grade) : ladderRung(node, failed.rung);
    return feedback([credit, next]);
  }
  return feedback([{ kind: "not-yet" }, ladderRung(node, failed.rung)]);
}

/** The authored question that leads to the first missing key idea without stating it. */
function probeFor(node: LessonNode, grade: Reading): Move {
  const missing = node.check.rubric.keyIdeas.find((idea) =>
    grade.keyIdeasMissing.includes(idea.id),
  );
  return { kind: "probe", question: missing?.probe ?? node.hints[0] };
}

/** A rung (1-3) of the check question's hint ladder. */
function ladderRung(node: LessonNode, rung: number): Move {
  const index = Math.max(0, Math.min(rung, node.hints.length) - 1);
  return { kind: "hint", text: node.hints[index] ?? node.hints[0], rung: index + 1 };
}

function helpWith(lesson: Lesson, state: TutorState, node: LessonNode): Turn {
  if (state.finished) return { state, moves: [{ kind: "after-lesson" }], kind: "complete" };
  const helpRequests = state.helpRequests + 1;
  const helped = { ...state, helpRequests };
  if (state.phase === "socratic") {
    const guiding = guidingOf(node, state);
    if (helpRequests < GUIDING_HELP_REQUESTS && !state.pictured) {
      return {
        state: { ...helped, pictured: true },
        moves: [
          { kind: "hint", text: node.voices.metaphor, rung: 0 },
          { kind: "ask", question: guiding.ask, of: "guiding" },
        ],
        kind: "hint",
      };
    }
    // A guiding question's answer leads to the check's, so only a learner who tried is told it.
    const told: Move =
      state.attempts > 0
        ? { kind: "tell", text: guiding.goodAnswer, why: "after-tries" }
        : { kind: "leave-open" };
    return advanceGuiding(helped, node, told);
  }
  if (helpRequests >= HELP_REQUESTS) {
    // The check answer is only ever given to a learner who has tried it.
    return state.attempts > 0
      ? explainAndLeave(lesson, helped, node)
      : leaveNode(lesson, helped, node, "skipped", [{ kind: "set-aside" }]);
  }
  if (state.rung < 3) {
    const rung = state.rung + 1;
    return { state: { ...helped, rung }, moves: [ladderRung(node, rung)], kind: "hint" };
  }
  return { state: helped, moves: [{ kind: "hints-used-up" }], kind: "hint" };
}

/** After the learner has tried: the idea in their voice and a sample answer, then onwards. */
function explainAndLeave(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  before: Move[] = [],
): Turn {
  const sample = node.check.rubric.samples.correct[0];
  const explain: Move = {
    kind: "explain",
    text: explanationIn(node, state.voice),
    ...(sample && { sample }),
  };
  return leaveNode(lesson, state, node, "explained", [...before, explain]);
}

/** Completes the node and opens the next one: a node left for remediation first, else the graph's. */
function leaveNode(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  outcome: NodeOutcome,
  told: Move[],
): Turn {
  const completed = markCompleted(state, node.id, outcome);
  const back = completed.returnTo.at(-1);
  if (back) {
    const target = nodeOf(lesson, back);
    return {
      state: resumeNode({ ...completed, returnTo: completed.returnTo.slice(0, -1) }, back),
      moves: [
        ...told,
        { kind: "enter", title: target.title, why: "resume" },
        checkQuestion(target),
      ],
      kind: "question",
    };
  }
  const nextId = chooseNextNode(lesson, completed, node);
  if (!nextId) {
    const { mastered, total } = progress(lesson, completed);
    return {
      state: { ...completed, phase: "done", finished: true },
      moves: [...told, { kind: "complete", mastered, total }],
      kind: "complete",
    };
  }
  const target = nodeOf(lesson, nextId);
  return {
    state: enterNode(completed, nextId),
    moves: [...told, { kind: "enter", title: target.title, why: "next" }, openingOf(target)],
    kind: "question",
  };
}

function voiceTurn(lesson: Lesson, state: TutorState, voice: VoiceName): Turn {
  const switched = { ...state, voice };
  if (state.finished) {
    return { state: switched, moves: [{ kind: "after-lesson" }], kind: "complete" };
  }
  const node = nodeOf(lesson, state.nodeId);
  if (voice === "socratic") {
    // Asked to be led by questions: the node's guiding questions again, from the first.
    const guided =
      state.phase === "check"
        ? { ...switched, phase: "socratic" as const, step: 0, attempts: 0, helpRequests: 0 }
        : switched;
    return {
      state: guided,
      moves: [{ kind: "voice", voice }, currentAsk(node, guided)],
      kind: "question",
    };
  }
  return {
    state: voice === "metaphor" ? { ...switched, pictured: true } : switched,
    moves: [{ kind: "voice", voice, text: explanationIn(node, voice) }, currentAsk(node, switched)],
    kind: "explanation",
  };
}

const currentAsk = (node: LessonNode, state: TutorState): Move => ({
  kind: "ask",
  question: currentQuestion(node, state),
  of: state.phase === "socratic" ? "guiding" : "check",
});

/** Hint button: the same as the learner typing "hint". */
export function requestHint(lesson: Lesson, state: TutorState): TurnResult {
  return turnResult(helpWith(lesson, state, nodeOf(lesson, state.nodeId)));
}

/** Voice buttons: re-explains the current idea in `voice` and asks the current question again. */
export function switchVoice(lesson: Lesson, state: TutorState, voice: VoiceName): TurnResult {
  return turnResult(voiceTurn(lesson, state, voice));
}

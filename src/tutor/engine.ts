import type { Lesson, LessonNode, VoiceName } from "../curriculum/schema";
import { matchesAny } from "../curriculum/text-match";
import { combineCheck, combineGuiding, type ModelReading } from "../reading/combine";
import { detectGaming, type GamingSignal } from "../reading/gaming";
import {
  type GuidingReading,
  type Reading,
  readCheckAnswer,
  readGuidingAnswer,
} from "../reading/reader";
import { shownTextOf } from "../reading/shown-text";
import type { CalculationRequest } from "./calculation-request";
import { type Classification, classifyIntent, type Intent } from "./intent";
import {
  currentQuestion,
  explanationIn,
  nextVoice,
  nodeOf,
  shortQuestion,
  subjectOf,
  vocabularyOf,
} from "./lesson-view";
import {
  chooseNextNode,
  enterNode,
  markCompleted,
  observe,
  progress,
  resumeNode,
} from "./navigation";
import { endingWith, paragraphs, pick, quoteOf, say } from "./replies";
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

export interface Reply {
  text: string;
  kind: ReplyKind;
}

export interface TurnResult {
  state: TutorState;
  reply: Reply;
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

interface Turn {
  state: TutorState;
  text: string;
  kind: ReplyKind;
  grade?: Reading;
  flag?: Flag;
}

const reply = ({ state, text, kind }: Turn): TurnResult => ({ state, reply: { text, kind } });

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
  return reply({
    state,
    text: paragraphs(say.lessonStart(node.title), openingOf(node)),
    kind: "question",
  });
}

/** Flags that do not change how a message is handled, only add a word about it. */
const CAUTIONS: Partial<Record<FlagKind, string>> = {
  abuse: say.abuse,
  "personal-data": say.personalData,
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
  return {
    state: turn.state,
    reply: { text: paragraphs(caution, turn.text), kind: turn.kind },
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
  });
  return { ...classified, intent: answerAfterAll(lesson, state, text, classified.intent) };
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
  const node = nodeOf(lesson, state.nodeId);
  const answers =
    state.phase === "socratic"
      ? readGuidingAnswer(lesson, node, state.step, text).shown
      : readCheckAnswer(lesson, node, text, state.ideasShown).verdict !== "unrecognised";
  return answers ? { kind: "answer" } : intent;
}

function respond(
  lesson: Lesson,
  state: TutorState,
  text: string,
  intent: Intent,
  options: StepOptions,
): Turn {
  const node = nodeOf(lesson, state.nodeId);
  const backToQuestion = state.finished ? say.afterLesson : say.backTo(shortQuestion(node, state));
  switch (intent.kind) {
    case "answer":
      if (state.finished) return { state, text: say.afterLesson, kind: "complete" };
      return state.phase === "socratic"
        ? answerGuiding(lesson, state, node, text, options.modelReading)
        : answerCheck(lesson, state, node, text, options.modelReading);
    case "hint":
      return helpWith(lesson, state, node);
    case "voice":
      return voiceTurn(lesson, state, intent.voice ?? nextVoice(state.voice));
    case "question":
    case "calculation":
      return { state, text: backToQuestion, kind: "return" };
    case "small-talk":
      return {
        state,
        text: paragraphs(pick(say.smallTalk, state.shown.length), backToQuestion),
        kind: "redirect",
      };
    case "off-topic":
      return {
        state,
        text: paragraphs(say.offTopicAbout(quoteOf(text), state.shown.length), backToQuestion),
        kind: "redirect",
      };
    case "injection":
      return { state, text: paragraphs(say.injection, backToQuestion), kind: "refusal" };
    case "extraction": {
      if (state.finished)
        return { state, text: paragraphs(say.injection, say.afterLesson), kind: "refusal" };
      const help = helpWith(lesson, state, node);
      return { ...help, text: paragraphs(say.extraction, help.text), kind: "refusal" };
    }
  }
}

/** The first guiding question: the tutor asks before it tells, in every voice. */
function openingOf(node: LessonNode): string {
  return node.voices.socratic[0]?.ask ?? node.check.question;
}

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
      text: say.gaming(shortQuestion(node, state)),
      kind: "feedback",
    };
  }
  if (shown) return advanceGuiding(observed, node, guiding.followUp);
  const attempts = state.attempts + 1;
  if (attempts >= GUIDING_ATTEMPTS) {
    return advanceGuiding(observed, node, say.guidingExplain(guiding.goodAnswer));
  }
  return {
    state: { ...observed, attempts },
    text: paragraphs(say.guidingMiss(quoteOf(text)), guiding.ask),
    kind: "feedback",
  };
}

/** After a guiding question: the next one, or (in the learner's voice) the check question. */
function advanceGuiding(state: TutorState, node: LessonNode, told: string): Turn {
  let nextStep = state.step + 1;
  while (state.stepsShown.includes(nextStep)) nextStep++;
  const nextGuiding = node.voices.socratic[nextStep];
  if (nextGuiding) {
    return {
      state: { ...state, step: nextStep, attempts: 0, helpRequests: 0 },
      text: paragraphs(told, nextGuiding.ask),
      kind: "question",
    };
  }
  const bridge = state.voice === "socratic" ? say.toCheck : explanationIn(node, state.voice);
  return {
    state: { ...state, phase: "check", step: nextStep, attempts: 0, helpRequests: 0 },
    text: paragraphs(told, bridge, node.check.question),
    kind: "question",
  };
}

function answerCheck(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  text: string,
  model: ModelReading | undefined,
): Turn {
  const grade = combineCheck(
    node.check.rubric,
    readCheckAnswer(lesson, node, text, state.ideasShown),
    model?.kind === "check" ? model : undefined,
    text,
  );
  return flaggedIfGaming(checkTurn(lesson, state, node, text, grade), grade.gaming);
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
    const found = rubric.keyIdeas.filter((idea) => grade.keyIdeasFound.includes(idea.id));
    const praise = paragraphs(say.correct, found.map((idea) => idea.description).join(" "));
    return { ...leaveNode(lesson, observed, node, "shown", praise), grade };
  }

  const failed = {
    ...observed,
    attempts: state.attempts + 1,
    rung: Math.min(3, state.rung + 1),
    // A misconception stated now outweighs what earlier tries showed.
    ideasShown: grade.verdict === "misconception" ? [] : grade.keyIdeasFound,
  };
  if (grade.gaming && failed.attempts < CHECK_ATTEMPTS) {
    return {
      state: failed,
      text: say.gaming(shortQuestion(node, state)),
      kind: "feedback",
      grade,
    };
  }
  const misconception = rubric.misconceptions.find((m) => m.id === grade.misconceptionId);
  if (failed.attempts >= CHECK_ATTEMPTS) {
    return { ...explainAndLeave(lesson, failed, node, misconception?.feedback), grade };
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
      const text = paragraphs(
        misconception.feedback,
        say.remediation(target.title),
        openingOf(target),
      );
      return { state: routed, text, kind: "feedback", grade };
    }
    return {
      state: failed,
      text: paragraphs(misconception.feedback, ladderRung(node, failed.rung)),
      kind: "feedback",
      grade,
    };
  }
  if (grade.verdict === "partial") {
    const found = rubric.keyIdeas.find((idea) => grade.keyIdeasFound.includes(idea.id));
    const evidence = found && grade.evidence[found.id];
    const quote = evidence
      ? quoteOf(evidence)
      : quoteOf(text, (sentence) => (found ? matchesAny(found.accept, sentence) : true));
    const acknowledged = say.partlyThere(quote);
    const next =
      failed.rung < 3 ? questionAboutMissing(node, grade) : ladderRung(node, failed.rung);
    return { state: failed, text: paragraphs(acknowledged, next), kind: "feedback", grade };
  }
  return {
    state: failed,
    text: paragraphs(say.notYet, ladderRung(node, failed.rung)),
    kind: "feedback",
    grade,
  };
}

/** A question that leads to a missing key idea without stating it: the guiding question behind it. */
function questionAboutMissing(node: LessonNode, grade: Reading): string {
  const missing = node.check.rubric.keyIdeas.filter((idea) =>
    grade.keyIdeasMissing.includes(idea.id),
  );
  const guiding = node.voices.socratic.find((g) =>
    missing.some((idea) => matchesAny(idea.accept, g.goodAnswer)),
  );
  return guiding?.ask ?? node.hints[0];
}

/** A rung of the check question's ladder, followed by the question unless the rung asks one. */
function ladderRung(node: LessonNode, rung: number): string {
  const hint = node.hints[Math.max(0, Math.min(rung, node.hints.length) - 1)] ?? node.hints[0];
  return endingWith(hint, node.check.question);
}

function helpWith(lesson: Lesson, state: TutorState, node: LessonNode): Turn {
  if (state.finished) return { state, text: say.afterLesson, kind: "complete" };
  const helpRequests = state.helpRequests + 1;
  const helped = { ...state, helpRequests };
  if (state.phase === "socratic") {
    const guiding = guidingOf(node, state);
    if (helpRequests < GUIDING_HELP_REQUESTS && !state.pictured) {
      return {
        state: { ...helped, pictured: true },
        text: paragraphs(say.guidingHint(node.voices.metaphor), guiding.ask),
        kind: "hint",
      };
    }
    // A guiding question's answer leads to the check's, so only a learner who tried is told it.
    const told = state.attempts > 0 ? say.guidingExplain(guiding.goodAnswer) : say.guidingSkip;
    return advanceGuiding(helped, node, told);
  }
  if (helpRequests >= HELP_REQUESTS) {
    // The check answer is only ever given to a learner who has tried it.
    return state.attempts > 0
      ? explainAndLeave(lesson, helped, node)
      : leaveNode(lesson, helped, node, "skipped", say.skip);
  }
  if (state.rung < 3) {
    const rung = state.rung + 1;
    return { state: { ...helped, rung }, text: ladderRung(node, rung), kind: "hint" };
  }
  return {
    state: helped,
    text: say.ladderExhausted(shortQuestion(node, state)),
    kind: "hint",
  };
}

/** After the learner has tried: the idea in their voice and a sample answer, then onwards. */
function explainAndLeave(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  feedback?: string,
): Turn {
  const explanation = paragraphs(
    feedback,
    say.explainAfterTries,
    explanationIn(node, state.voice),
    say.sampleAnswer(node.check.rubric.samples.correct[0] ?? ""),
  );
  return leaveNode(lesson, state, node, "explained", explanation);
}

/** Completes the node and opens the next one: a node left for remediation first, else the graph's. */
function leaveNode(
  lesson: Lesson,
  state: TutorState,
  node: LessonNode,
  outcome: NodeOutcome,
  told: string,
): Turn {
  const completed = markCompleted(state, node.id, outcome);
  const back = completed.returnTo.at(-1);
  if (back) {
    const target = nodeOf(lesson, back);
    return {
      state: resumeNode({ ...completed, returnTo: completed.returnTo.slice(0, -1) }, back),
      text: paragraphs(told, say.resume(target.title), target.check.question),
      kind: "question",
    };
  }
  const nextId = chooseNextNode(lesson, completed, node);
  if (!nextId) {
    const { mastered, total } = progress(lesson, completed);
    return {
      state: { ...completed, phase: "done", finished: true },
      text: paragraphs(told, say.lessonComplete(mastered, total)),
      kind: "complete",
    };
  }
  const target = nodeOf(lesson, nextId);
  return {
    state: enterNode(completed, nextId),
    text: paragraphs(told, say.nextNode(target.title), openingOf(target)),
    kind: "question",
  };
}

function voiceTurn(lesson: Lesson, state: TutorState, voice: VoiceName): Turn {
  const switched = { ...state, voice };
  if (state.finished) return { state: switched, text: say.afterLesson, kind: "complete" };
  const node = nodeOf(lesson, state.nodeId);
  if (voice === "socratic") {
    // Asked to be led by questions: the node's guiding questions again, from the first.
    const guided =
      state.phase === "check"
        ? { ...switched, phase: "socratic" as const, step: 0, attempts: 0, helpRequests: 0 }
        : switched;
    return {
      state: guided,
      text: paragraphs(say.voiceIntro.socratic, currentQuestion(node, guided)),
      kind: "question",
    };
  }
  return {
    state: voice === "metaphor" ? { ...switched, pictured: true } : switched,
    text: paragraphs(
      say.voiceIntro[voice],
      explanationIn(node, voice),
      currentQuestion(node, switched),
    ),
    kind: "explanation",
  };
}

/** Hint button: the same as the learner typing "hint". */
export function requestHint(lesson: Lesson, state: TutorState): TurnResult {
  return reply(helpWith(lesson, state, nodeOf(lesson, state.nodeId)));
}

/** Voice buttons: re-explains the current idea in `voice` and asks the current question again. */
export function switchVoice(lesson: Lesson, state: TutorState, voice: VoiceName): TurnResult {
  return reply(voiceTurn(lesson, state, voice));
}

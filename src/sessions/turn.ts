import type { AnswerStream, CalculationCard, QuestionInput } from "../ai";
import type { AnswerTarget } from "../ai/read-with-model";
import type { Lesson, LessonNode } from "../curriculum/schema";
import { listLearnerClassExemplars } from "../db/queries/reviews";
import type { NewMessage } from "../db/queries/sessions";
import type { Db } from "../db/types";
import type { ModelReading } from "../reading/combine";
import { type Reply, tutorStep } from "../rendering";
import { createAnswerGuard } from "../rendering/stream-guard";
import { exemplarReading, toExemplar } from "../review/exemplars";
import { answerTargetOf, type StepResult, type TutorState } from "../tutor";
import { observedOutcome } from "./observation";
import { commitTurn, loadOwnedSession, type TurnIds } from "./store";
import { type StateView, stateView } from "./views";
import { type ReplyVoice, voiceTheReply } from "./voice";

/** Answers a free-form question with the configured model (see src/ai/answer-question.ts). */
export type AnswerQuestion = (input: QuestionInput) => AnswerStream;

/** A separate model call that reads an answer against the node's rubric (undefined on failure). */
export type ReadWithModel = (
  node: LessonNode,
  target: AnswerTarget,
  answer: string,
  abortSignal?: AbortSignal,
) => Promise<ModelReading | undefined>;

export type TurnOutcome = {
  reply: Reply;
  state: StateView;
  answer?: string;
  calculation?: CalculationCard;
  notice?: string;
};

/** Text as it becomes known: the model's answer first (if any), then the tutor's reply. */
export type TurnText = { part: "answer" | "reply"; delta: string };

type TurnContext = {
  db: Db;
  lesson: Lesson;
  now: () => number;
  answerQuestion: AnswerQuestion;
  readWithModel?: ReadWithModel | undefined;
  /** With a provider configured: the model words every reply. */
  voice?: ReplyVoice | undefined;
  /** One deadline for every model call of the turn (MODEL_TIMEOUT_MS). */
  deadlineMs?: number | undefined;
};

function learnerMessage(
  lesson: Lesson,
  before: TutorState,
  text: string,
  result: StepResult,
): NewMessage {
  const meta: Record<string, unknown> = {};
  if (result.flag) meta.flagReason = result.flag.reason;
  if (result.grade) {
    meta.confidence = result.grade.confidence;
    meta.keyIdeasFound = result.grade.keyIdeasFound;
  } else if (result.intent.kind === "answer") {
    const node = lesson.nodes.find((n) => n.id === before.nodeId);
    const observed = node && observedOutcome(node, before, result.state);
    if (observed !== undefined) meta.observed = observed;
  }
  if (result.calculation) meta.calculation = result.calculation;
  if (result.intent.kind === "voice") meta.voice = result.state.voice;
  return {
    role: "learner",
    kind: result.intent.kind,
    text,
    nodeId: before.nodeId,
    verdict: result.grade?.verdict ?? null,
    misconceptionId: result.grade?.misconceptionId ?? null,
    flag: result.flag?.kind ?? null,
    ...(Object.keys(meta).length > 0 && { meta }),
  };
}

const HELD_BACK =
  "That would give away the answer to the question you're on, so I'll hold it back until you've had a go.";

/** A model reply held back for sharing private text: the teacher sees it on the learner's message. */
const LEAK_FLAG = {
  kind: "leak",
  reason: "the model's reply shared private text (prompt or rubric); it was held back",
} as const;

const needsModel = (result: StepResult) => Boolean(result.question ?? result.calculation);

/** With a grading model configured, every answer also gets the model's reading (one call). */
async function modelReadingOf(
  context: TurnContext,
  state: TutorState,
  text: string,
  abortSignal: AbortSignal | undefined,
): Promise<{ nodeId: string; reading: ModelReading } | undefined> {
  if (!context.readWithModel) return undefined;
  const target = answerTargetOf(context.lesson, state, text);
  const node = target && context.lesson.nodes.find((n) => n.id === target.nodeId);
  if (!target || !node) return undefined;
  const reading = await context.readWithModel(node, target, text, abortSignal);
  return reading && { nodeId: node.id, reading };
}

/**
 * One learner message, end to end. The returned stream carries the text as it comes; `done`
 * resolves once the turn is stored. The turn runs to completion whether or not anyone reads the
 * stream, so a learner who closes the tab mid-answer still finds the turn on return.
 */
export async function takeTurn(
  context: TurnContext,
  ids: TurnIds,
  text: string,
): Promise<{ text: ReadableStream<TurnText>; done: Promise<TurnOutcome> }> {
  const { db, lesson, now } = context;
  const first = await loadOwnedSession(db, ids.learnerId, ids.sessionId);
  const deadline = context.deadlineMs ? AbortSignal.timeout(context.deadlineMs) : undefined;
  const [model, exemplars] = await Promise.all([
    modelReadingOf(context, first.state, text, deadline),
    listLearnerClassExemplars(db, ids.learnerId, first.state.nodeId).then((rows) =>
      rows.map(toExemplar),
    ),
  ]);
  // The model read the answer to the question pending when the turn began; a concurrent turn
  // that moved the learner on makes that reading moot.
  const stepOn = (state: TutorState) => {
    const teacherReading = exemplarReading(exemplars, state.nodeId, text);
    return tutorStep(lesson, state, text, {
      ...(model && state.nodeId === model.nodeId && { modelReading: model.reading }),
      ...(teacherReading && { teacherReading }),
    });
  };
  const preview = stepOn(first.state);

  let push: (item: TurnText) => void = () => {};
  let close: () => void = () => {};
  const stream = new ReadableStream<TurnText>({
    start(controller) {
      // A reader that went away must not stop the turn: enqueue on a cancelled stream is ignored.
      push = (item) => {
        try {
          controller.enqueue(item);
        } catch {}
      };
      close = () => {
        try {
          controller.close();
        } catch {}
      };
    },
  });

  const done = (async (): Promise<TurnOutcome> => {
    try {
      let answer: Awaited<AnswerStream["finished"]> | undefined;
      if (needsModel(preview)) {
        const streamed = context.answerQuestion({
          question: preview.question?.text ?? text,
          nodeId: first.state.nodeId,
          voice: first.state.voice,
          ...(preview.calculation && { calculation: preview.calculation }),
        });
        // Shown as it comes, sentence by sentence, minus what would answer the pending check
        // question before the learner has tried it; stored as shown.
        const guard = createAnswerGuard(lesson, first.state);
        let shown = "";
        const show = (delta: string) => {
          if (!delta) return;
          shown += delta;
          push({ part: "answer", delta });
        };
        for await (const delta of streamed.textStream) show(guard.push(delta));
        show(guard.end());
        if (guard.withheld() > 0 && !shown.trim()) show(HELD_BACK);
        answer = { ...(await streamed.finished), text: shown.trim() };
      }
      const voiced =
        context.voice &&
        (await voiceTheReply(
          { db, lesson, voice: context.voice },
          { sessionId: ids.sessionId, learnerText: text, answer: answer?.text, result: preview },
          (delta) => push({ part: "reply", delta }),
          deadline,
        ));
      const outcome = await commitTurn(
        db,
        ids,
        first,
        (state) => {
          const fresh = state === first.state;
          const decided = fresh ? preview : stepOn(state);
          // The model worded the reply to the state the turn began with; a concurrent turn that
          // changed it leaves the offline wording of what was decided instead.
          const result =
            fresh && voiced
              ? { ...decided, reply: { ...decided.reply, text: voiced.text } }
              : decided;
          const leak = voiced?.leaked && !result.flag ? { flag: LEAK_FLAG } : {};
          const messages: NewMessage[] = [
            learnerMessage(lesson, state, text, { ...result, ...leak }),
          ];
          if (answer) {
            messages.push({
              role: "tutor",
              kind: "answer",
              text: answer.text,
              nodeId: state.nodeId,
              meta: {
                ...(answer.calculation && { calculation: answer.calculation }),
                ...(answer.notice && { notice: answer.notice }),
              },
            });
          }
          messages.push({
            role: "tutor",
            kind: result.reply.kind,
            text: result.reply.text,
            nodeId: result.state.nodeId,
            meta: { voice: result.state.voice, rung: result.state.rung },
          });
          // A "why?" next asks about the answer just given.
          const after = answer
            ? { ...result.state, lastPoint: answer.text.slice(0, 1_000) }
            : result.state;
          return { state: after, reply: result.reply, messages };
        },
        now,
      );
      if (!voiced || outcome.reply.text !== voiced.text)
        push({ part: "reply", delta: outcome.reply.text });
      return {
        reply: outcome.reply,
        state: stateView(lesson, outcome.state),
        ...(answer && { answer: answer.text }),
        ...(answer?.calculation && { calculation: answer.calculation }),
        ...(answer?.notice && { notice: answer.notice }),
      };
    } finally {
      close();
    }
  })();
  return { text: stream, done };
}

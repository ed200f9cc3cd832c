import type { VoiceReplyInput } from "../ai/voice-reply";
import type { Lesson } from "../curriculum/schema";
import { listRecentMessages } from "../db/queries/sessions";
import type { Db } from "../db/types";
import type { Rendered } from "../rendering";
import { createAnswerGuard } from "../rendering/stream-guard";
import type { StepResult } from "../tutor";
import { shortQuestion } from "../tutor/lesson-view";

/** A configured model that words every reply, and what it must never repeat. */
export interface ReplyVoice {
  words(input: VoiceReplyInput): AsyncIterable<string>;
  /** Word 6-grams of prompts and rubrics (src/rendering/private-text.ts). */
  privateGrams: ReadonlySet<string>;
}

/** The model sees this many earlier messages of the conversation. */
const RECENT_MESSAGES = 8;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Has the model word the engine's reply, streaming it sentence by sentence through the guard: no
 * sentence that shares private text or would answer the pending check before an attempt, and no
 * more than about twice the draft's length. Undefined when the model said nothing usable (it
 * failed, timed out, or every sentence was held back): the offline wording then stands.
 */
export async function voiceTheReply(
  context: { db: Db; lesson: Lesson; voice: ReplyVoice },
  turn: {
    sessionId: string;
    learnerText: string;
    answer?: string | undefined;
    result: Rendered<StepResult>;
  },
  show: (delta: string) => void,
  abortSignal?: AbortSignal,
): Promise<{ text: string; leaked: boolean } | undefined> {
  const { db, lesson, voice } = context;
  const { result } = turn;
  const draft = result.reply.text;
  const recent = [
    ...(await listRecentMessages(db, turn.sessionId, RECENT_MESSAGES)),
    { role: "learner", text: turn.learnerText },
    ...(turn.answer ? [{ role: "tutor", text: turn.answer }] : []),
  ];
  const limit = Math.max(120, 2 * words(draft));
  const guard = createAnswerGuard(lesson, result.state, {
    privateGrams: voice.privateGrams,
    allowed: draft,
    maxWords: limit,
  });
  let text = "";
  const emit = (delta: string) => {
    if (!delta) return;
    text += delta;
    show(delta);
  };
  try {
    const stream = voice.words({
      nodeId: result.state.nodeId,
      voice: result.state.voice,
      recent,
      moves: result.moves,
      draft,
      ...(abortSignal && { abortSignal }),
    });
    for await (const delta of stream) emit(guard.push(delta));
    emit(guard.end());
  } catch {
    // A failed or timed-out model leaves what it said so far, or the draft.
  }
  if (!text.trim()) return undefined;
  const node = lesson.nodes.find((n) => n.id === result.state.nodeId);
  if (node && !result.state.finished && draft.includes("?") && !text.includes("?")) {
    emit(`\n\n${shortQuestion(node, result.state)}`);
  }
  return { text: text.trim(), leaked: guard.leaked() };
}

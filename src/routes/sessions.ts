import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { Hono } from "hono";
import { z } from "zod";
import { principalId, requireLearner } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import { listMessages, listSessions } from "../db/queries/sessions";
import type { AppEnv } from "../env";
import { keepRunning } from "../http/background";
import { idParam } from "../http/fields";
import { validate } from "../http/validate";
import type { LoadedSession } from "../sessions/api";
import { changeVoice, openSession } from "../sessions/open";
import { storedTurn } from "../sessions/replay";
import { loadOwnedSession, TurnAlreadyStored } from "../sessions/store";
import { type TurnOutcome, type TurnText, takeTurn } from "../sessions/turn";
import { sessionView, stateView, transcriptView } from "../sessions/views";
import { VOICES } from "../tutor";
import { turnBody } from "./turn-body";

const voice = z.enum(VOICES);
const createBody = z.strictObject({ voice: voice.optional() });
const voiceBody = z.strictObject({ voice });
const turnQuery = z.object({ stream: z.enum(["true", "false"]).default("true") });

/** The turn's text as AI SDK UI message stream parts: one text part per TurnText part. */
async function writeText(
  text: ReadableStream<TurnText>,
  write: (
    chunk:
      | { type: "text-start" | "text-end"; id: string }
      | { type: "text-delta"; id: string; delta: string },
  ) => void,
) {
  let open: string | undefined;
  for await (const { part, delta } of text) {
    if (open !== part) {
      if (open) write({ type: "text-end", id: open });
      write({ type: "text-start", id: part });
      open = part;
    }
    write({ type: "text-delta", id: part, delta });
  }
  if (open) write({ type: "text-end", id: open });
}

/** A stored turn's text as the stream a live turn would have sent. */
function storedText(outcome: TurnOutcome): ReadableStream<TurnText> {
  const parts: TurnText[] = [
    ...(outcome.answer ? [{ part: "answer" as const, delta: outcome.answer }] : []),
    { part: "reply", delta: outcome.reply.text },
  ];
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });
}

/** The turn as an AI SDK UI message stream: its text as it comes, then the stored outcome. */
function turnStream(text: ReadableStream<TurnText>, done: Promise<TurnOutcome>) {
  const stream = createUIMessageStream({
    execute: async ({ writer }) => {
      writer.write({ type: "start" });
      await writeText(text, (chunk) => writer.write(chunk));
      const outcome = await done;
      if (outcome.notice) writer.write({ type: "data-notice", data: { text: outcome.notice } });
      writer.write({ type: "data-turn", data: outcome });
      writer.write({ type: "finish" });
    },
    onError: (error) => {
      console.error("A tutor turn failed:", error);
      return "The tutor could not finish this turn. Please send your message again.";
    },
  });
  return createUIMessageStreamResponse({ stream });
}

export const sessionRoutes = new Hono<AppEnv>()
  .use(requireLearner())
  .post("/", validate("json", createBody), async (c) => {
    const { db, now } = c.var.deps;
    const opened = await openSession(
      { db, lesson, now },
      principalId(c),
      c.req.valid("json").voice ?? "socratic",
    );
    return c.json(opened, 201);
  })
  .get("/", async (c) => {
    const sessions = await listSessions(c.var.deps.db, principalId(c));
    return c.json({ sessions });
  })
  .get("/:id", validate("param", idParam), async (c) => {
    const { db } = c.var.deps;
    const { row, state } = await loadOwnedSession(db, principalId(c), c.req.valid("param").id);
    const transcript = transcriptView(await listMessages(db, row.id));
    const loaded = { session: sessionView(row), state: stateView(lesson, state), transcript };
    return c.json(loaded satisfies LoadedSession);
  })
  .patch("/:id", validate("param", idParam), validate("json", voiceBody), async (c) => {
    const { db, now } = c.var.deps;
    const ids = { learnerId: principalId(c), sessionId: c.req.valid("param").id };
    return c.json(await changeVoice({ db, lesson, now }, ids, c.req.valid("json").voice));
  })
  .post(
    "/:id/messages",
    validate("param", idParam),
    validate("query", turnQuery),
    validate("json", turnBody),
    async (c) => {
      const { db, now, answerQuestion, readWithModel, voice, settings } = c.var.deps;
      const { text, clientMessageId } = c.req.valid("json");
      const ids = { learnerId: principalId(c), sessionId: c.req.valid("param").id };
      const streamed = c.req.valid("query").stream === "true";
      const replay = async () => {
        const outcome = clientMessageId && (await storedTurn(db, lesson, ids, clientMessageId));
        if (!outcome) return undefined;
        return streamed
          ? turnStream(storedText(outcome), Promise.resolve(outcome))
          : c.json(outcome);
      };
      const stored = await replay();
      if (stored) return stored;
      const context = {
        db,
        lesson,
        now,
        answerQuestion,
        readWithModel,
        voice,
        deadlineMs: settings.model.provider === "offline" ? undefined : settings.model.timeoutMs,
      };
      const turn = await takeTurn(context, { ...ids, clientMessageId }, text);
      // The same message sent twice at once: the copy that lost is answered with the stored turn.
      const done = turn.done.catch(async (error) => {
        if (!(error instanceof TurnAlreadyStored)) throw error;
        const outcome = clientMessageId && (await storedTurn(db, lesson, ids, clientMessageId));
        if (!outcome) throw error;
        return outcome;
      });
      keepRunning(c, done);
      if (!streamed) {
        // Nobody reads the text stream here: drain it so it does not hold the turn's text.
        void turn.text.pipeTo(new WritableStream());
        return c.json(await done);
      }
      return turnStream(turn.text, done);
    },
  );

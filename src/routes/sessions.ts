import { createUIMessageStream, createUIMessageStreamResponse } from "ai";
import { Hono } from "hono";
import { z } from "zod";
import { principalId, requireLearner } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import { listMessages, listSessions } from "../db/queries/sessions";
import type { AppEnv } from "../env";
import { keepRunning } from "../http/background";
import { idParam, messageText } from "../http/fields";
import { validate } from "../http/validate";
import type { LoadedSession } from "../sessions/api";
import { changeVoice, openSession } from "../sessions/open";
import { loadOwnedSession } from "../sessions/store";
import { type TurnText, takeTurn } from "../sessions/turn";
import { sessionView, stateView, transcriptView } from "../sessions/views";
import { VOICES } from "../tutor";

/** Long enough for a thoughtful paragraph, short enough to keep the tutor on one question. */
export const MAX_MESSAGE_CHARACTERS = 2_000;

const voice = z.enum(VOICES);
const createBody = z.strictObject({ voice: voice.optional() });
const voiceBody = z.strictObject({ voice });
const messageBody = z.strictObject({ text: messageText(MAX_MESSAGE_CHARACTERS) });
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
    validate("json", messageBody),
    async (c) => {
      const { db, now, answerQuestion, readWithModel, voice, settings } = c.var.deps;
      const ids = { learnerId: principalId(c), sessionId: c.req.valid("param").id };
      const context = {
        db,
        lesson,
        now,
        answerQuestion,
        readWithModel,
        voice,
        deadlineMs: settings.model.provider === "offline" ? undefined : settings.model.timeoutMs,
      };
      const turn = await takeTurn(context, ids, c.req.valid("json").text);
      keepRunning(c, turn.done);
      if (c.req.valid("query").stream === "false") {
        // Nobody reads the text stream here: drain it so it does not hold the turn's text.
        void turn.text.pipeTo(new WritableStream());
        return c.json(await turn.done);
      }
      const stream = createUIMessageStream({
        execute: async ({ writer }) => {
          writer.write({ type: "start" });
          await writeText(turn.text, (chunk) => writer.write(chunk));
          const outcome = await turn.done;
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
    },
  );

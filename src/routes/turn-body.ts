import { z } from "zod";
import { messageText } from "../http/fields";

/** Long enough for a thoughtful paragraph, short enough to keep the tutor on one question. */
export const MAX_MESSAGE_CHARACTERS = 2_000;

/** A whole lesson's conversation, as useChat resends it with each message, fits with room to spare. */
export const CHAT_BODY_BYTES = 1024 * 1024;

/** The id a client gives a message (the AI SDK's are 16 letters and digits). */
const clientMessageId = z
  .string()
  .regex(/^[\w-]{1,100}$/, "must be 1 to 100 letters, digits, _ or -");

const turn = z.object({
  text: messageText(MAX_MESSAGE_CHARACTERS),
  clientMessageId: clientMessageId.optional(),
});

/** This app's own body: `{ text, messageId? }`. */
const plainBody = z
  .strictObject({ text: z.unknown(), messageId: z.unknown().optional() })
  .transform(({ text, messageId }) => ({ text, clientMessageId: messageId }));

const uiMessage = z.object({
  id: clientMessageId,
  role: z.enum(["system", "user", "assistant"]),
  parts: z.array(z.looseObject({ type: z.string(), text: z.unknown().optional() })).max(200),
});

/**
 * What the AI SDK's `useChat` posts with its default transport: `{ id, messages, trigger,
 * messageId }`, the whole conversation each time. The turn is the last user message's text; its
 * id makes a resend (and `regenerate()`, which resends it) idempotent. Other keys a client adds
 * with the transport's `body` option are ignored.
 */
const chatBody = z
  .object({
    id: z.string().max(200),
    messages: z.array(uiMessage).min(1).max(5_000),
    trigger: z.enum(["submit-message", "regenerate-message"]),
    messageId: z.string().max(200).optional(),
  })
  .transform((body, ctx) => {
    const last = body.messages.findLast((m) => m.role === "user");
    if (!last) {
      ctx.addIssue({ code: "custom", path: ["messages"], message: "must contain a user message" });
      return z.NEVER;
    }
    const texts = last.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));
    return {
      text: texts.every((t) => typeof t === "string") ? texts.join("\n") : texts,
      clientMessageId: last.id,
    };
  });

const isChatBody = (body: unknown) =>
  typeof body === "object" && body !== null && "messages" in body;

/** Either body, read as `{ text, clientMessageId? }`. */
export const turnBody = z.unknown().transform((body, ctx) => {
  const shaped = isChatBody(body) ? chatBody.safeParse(body) : plainBody.safeParse(body);
  const parsed = shaped.success ? turn.safeParse(shaped.data) : shaped;
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
  return z.NEVER;
});

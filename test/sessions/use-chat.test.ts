import { DefaultChatTransport, readUIMessageStream, type UIMessage } from "ai";
import { describe, expect, it } from "vitest";
import { TestClient } from "../helpers/client";
import { learnerWithSession } from "../helpers/learner";
import { serverForFile } from "../helpers/servers";

/**
 * The AI SDK's `useChat` as shipped: its DefaultChatTransport, with no custom request, against the
 * real server. The transport posts `{ id, messages, trigger, messageId }`.
 */
const server = serverForFile("tutor-use-chat-");

async function chatLearner() {
  const client = new TestClient((request) => fetch(request), server.url);
  const { session } = await learnerWithSession(client);
  const sessionId = session.session.id as string;
  const transport = new DefaultChatTransport<UIMessage>({
    api: `${server.url}/api/sessions/${sessionId}/messages`,
    fetch: (url, init) => client.raw(new URL(String(url)).pathname, init),
  });
  const opening: UIMessage = {
    id: "opening",
    role: "assistant",
    parts: [{ type: "text", text: session.message.text }],
  };
  return { client, sessionId, transport, opening };
}

const userMessage = (id: string, text: string): UIMessage => ({
  id,
  role: "user",
  parts: [{ type: "text", text }],
});

/** What useChat shows for the reply: the assistant message the stream builds. */
async function send(
  transport: DefaultChatTransport<UIMessage>,
  messages: UIMessage[],
  trigger: "submit-message" | "regenerate-message" = "submit-message",
) {
  const stream = await transport.sendMessages({
    chatId: "chat-1",
    messages,
    trigger,
    messageId: undefined,
    abortSignal: undefined,
  });
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream })) last = message;
  if (!last) throw new Error("no assistant message");
  const text = last.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("\n");
  const turn = last.parts.find((p) => p.type === "data-turn") as
    | { data: { reply: { text: string }; state: { nodeId: string } } }
    | undefined;
  return { text, turn: turn?.data };
}

const learnerTexts = async (client: TestClient, sessionId: string) => {
  const read = await client.get(`/api/sessions/${sessionId}`);
  return (read.body.transcript as { role: string; text: string }[])
    .filter((m) => m.role === "learner")
    .map((m) => m.text);
};

describe("useChat with its default transport", () => {
  it("takes the last user message as the turn and streams the tutor's reply", async () => {
    const { client, sessionId, transport, opening } = await chatLearner();
    const reply = await send(transport, [opening, userMessage("m1", "Can I have a hint?")]);
    expect(reply.turn?.reply.text).toBeTruthy();
    expect(reply.text).toContain(reply.turn?.reply.text);
    expect(await learnerTexts(client, sessionId)).toEqual(["Can I have a hint?"]);
  });

  it("stores a message once when it is sent again, and streams the stored reply", async () => {
    const { client, sessionId, transport, opening } = await chatLearner();
    const history = [opening, userMessage("m1", "Can I have a hint?")];
    const first = await send(transport, history);
    const regenerated = await send(transport, history, "regenerate-message");
    const resent = await send(transport, history);
    expect(regenerated.text).toBe(first.text);
    expect(resent.text).toBe(first.text);
    expect(await learnerTexts(client, sessionId)).toEqual(["Can I have a hint?"]);

    // The next message with a new id is a new turn, with the whole conversation sent again.
    const next = [
      ...history,
      {
        id: "a1",
        role: "assistant" as const,
        parts: [{ type: "text" as const, text: first.text }],
      },
      userMessage("m2", "Another hint, please?"),
    ];
    await send(transport, next);
    expect(await learnerTexts(client, sessionId)).toEqual([
      "Can I have a hint?",
      "Another hint, please?",
    ]);
  });

  it("stores a message sent twice at the same moment once, and both get its reply", async () => {
    const { client, sessionId, transport, opening } = await chatLearner();
    const history = [opening, userMessage("twice", "Is it about the size of the model?")];
    const [one, two] = await Promise.all([send(transport, history), send(transport, history)]);
    expect(one.text).toBe(two.text);
    expect(await learnerTexts(client, sessionId)).toEqual(["Is it about the size of the model?"]);
  });

  it("accepts a long conversation, as useChat resends all of it", async () => {
    const { client, sessionId, transport, opening } = await chatLearner();
    const earlier = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? userMessage(`old-${i}`, "An earlier answer about scale. ".repeat(10))
        : {
            ...opening,
            id: `reply-${i}`,
            parts: [{ type: "text" as const, text: "x ".repeat(200) }],
          },
    );
    expect(JSON.stringify(earlier).length).toBeGreaterThan(64 * 1024);
    await send(transport, [...earlier, userMessage("latest", "Can I have a hint?")]);
    expect(await learnerTexts(client, sessionId)).toEqual(["Can I have a hint?"]);
  });

  it("refuses a conversation without a user message, and another learner's session", async () => {
    const { client, sessionId, opening } = await chatLearner();
    const post = (who: TestClient, body: unknown) =>
      who.post(`/api/sessions/${sessionId}/messages`, body);
    const noUser = await post(client, { id: "c", messages: [opening], trigger: "submit-message" });
    expect(noUser.status).toBe(400);
    expect(noUser.body.error.message).toMatch(/messages: must contain a user message/);
    const badId = await post(client, {
      id: "c",
      messages: [{ ...userMessage("no spaces allowed", "hi") }],
      trigger: "submit-message",
    });
    expect(badId.status).toBe(400);

    const stranger = new TestClient((request) => fetch(request), server.url);
    await learnerWithSession(stranger, "Alex");
    const body = { id: "c", messages: [userMessage("m1", "hello")], trigger: "submit-message" };
    expect((await post(stranger, body)).status).toBe(404);
    expect(await learnerTexts(client, sessionId)).toEqual([]);

    // A stored message's id, resent by someone else, gets them nothing of the owner's turn.
    const stored = await client.post(`/api/sessions/${sessionId}/messages?stream=false`, body);
    expect(stored.status).toBe(200);
    const resentByStranger = await post(stranger, body);
    expect(resentByStranger.status).toBe(404);
    expect(resentByStranger.body.error.code).toBe("not_found");
    expect(await learnerTexts(client, sessionId)).toEqual(["hello"]);
  });
});

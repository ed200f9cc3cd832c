import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQuestionAnswerer, type QuestionInput } from "../../src/ai/answer-question";
import { readPromptDir } from "../../src/ai/build-prompts";
import { FALLBACK_NOTICE } from "../../src/ai/fallback-model";
import { selectModel } from "../../src/ai/models";
import { runCalculation } from "../../src/calculator";
import { fixtureLesson } from "../tutor/fixture-lesson";
import { CANARY, withPrivateCanary } from "./canary-lesson";
import {
  type Behaviour,
  type LocalOpenAIServer,
  startLocalOpenAIServer,
} from "./local-openai-server";

const lesson = withPrivateCanary(fixtureLesson);
const prompts = readPromptDir("prompts");
const task = lesson.nodes[0];
if (!task) throw new Error("fixture lesson changed");
const offlineAnswer = `From the lesson, “${task.title}”: ${task.voices.plain}`;

let server: LocalOpenAIServer;
let behaviours: Behaviour[] = [];

beforeAll(async () => {
  server = await startLocalOpenAIServer(
    (_, index) => behaviours[index] ?? { kind: "status", status: 500 },
  );
});
afterAll(() => server.close());

/** Asks through the configured provider; the server answers request i with behaviour i. */
async function ask(script: Behaviour[], input: Partial<QuestionInput> = {}, timeoutMs = 5_000) {
  behaviours = script;
  server.requests.length = 0;
  const model = selectModel(
    {
      provider: "openai-compatible",
      name: "local-model",
      baseUrl: server.baseURL,
      apiKey: undefined,
      timeoutMs,
    },
    { lesson },
  );
  const answer = createQuestionAnswerer({ model, lesson, prompts })({
    question: "What does a phone keyboard predict?",
    nodeId: "task",
    voice: "plain",
    ...input,
  });
  let streamed = "";
  for await (const delta of answer.textStream) streamed += delta;
  return { streamed, ...(await answer.finished) };
}

describe("answering through an OpenAI-compatible provider", () => {
  it("streams the provider's answer, with only the lesson's public text in its context", async () => {
    const result = await ask([{ kind: "text", chunks: ["It predicts ", "the next ", "word."] }]);
    expect(result).toEqual({
      streamed: "It predicts the next word.",
      text: "It predicts the next word.",
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ model: "local-model", stream: true });
    const context = JSON.stringify(request?.messages);
    expect(context).toContain(task.voices.plain);
    expect(context).toContain("What does a phone keyboard predict?");
    expect(context).not.toContain(CANARY);
    expect(request?.tools?.map((t) => t.function.name)).toEqual(["calculator"]);
  });

  it("runs the calculator when the provider calls it, and passes the result back", async () => {
    const { summary } = runCalculation({ op: "compute", params: "175B", tokens: "300B" });
    const result = await ask(
      [
        {
          kind: "tool-call",
          name: "calculator",
          args: { op: "compute", params: "175B", tokens: "300B" },
        },
        { kind: "text", chunks: ["About 3.15e23 FLOP."] },
      ],
      {
        question: "How much compute does a 175B parameter model on 300B tokens need?",
        calculation: { op: "compute", params: 175e9, tokens: 300e9 },
      },
    );
    expect(result.text).toBe("About 3.15e23 FLOP.");
    expect(result.calculation).toMatchObject({ op: "compute", summary });
    expect(server.requests[0]?.tool_choice).toEqual({
      type: "function",
      function: { name: "calculator" },
    });
    expect(JSON.stringify(server.requests[1]?.messages)).toContain("3.15e23");
  });

  it.each([
    ["an error status", { kind: "status", status: 500 }],
    ["a rate limit", { kind: "status", status: 429 }],
    ["an unreadable stream", { kind: "garbage" }],
  ] as [string, Behaviour][])(
    "answers from the lesson with a notice after %s",
    async (_, behaviour) => {
      const result = await ask([behaviour]);
      expect(result.streamed).toBe(`${FALLBACK_NOTICE}\n\n${offlineAnswer}`);
      expect(result).toMatchObject({ text: result.streamed, notice: FALLBACK_NOTICE });
    },
  );

  it("answers from the lesson with a notice when the provider hangs past the timeout", async () => {
    const result = await ask([{ kind: "hang" }], {}, 300);
    expect(result.streamed).toBe(`${FALLBACK_NOTICE}\n\n${offlineAnswer}`);
  });

  it("falls back when a provider drips tokens past the timeout, counted over the whole answer", async () => {
    const started = performance.now();
    const drip = { kind: "drip" as const, chunks: Array(20).fill("more "), everyMs: 100 };
    const result = await ask([drip], {}, 500);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(result.streamed).toMatch(/^(more )+\n\n/);
    expect(result.streamed.endsWith(`${FALLBACK_NOTICE}\n\n${offlineAnswer}`)).toBe(true);
  });

  it("keeps what was streamed and finishes from the lesson when the stream breaks midway", async () => {
    const result = await ask([{ kind: "break", chunks: ["It predicts ", "the"] }]);
    expect(result.streamed).toBe(`It predicts the\n\n${FALLBACK_NOTICE}\n\n${offlineAnswer}`);
    expect(result.notice).toBe(FALLBACK_NOTICE);
  });

  it("falls back once per turn, calculator included", async () => {
    const question = "How much compute does a 175B parameter model on 300B tokens need?";
    const result = await ask([{ kind: "status", status: 503 }], {
      question,
      calculation: { op: "compute", params: 175e9, tokens: 300e9 },
    });
    const { summary } = runCalculation({ op: "compute", params: 175e9, tokens: 300e9 });
    expect(result.streamed).toBe(`${FALLBACK_NOTICE}\n\nThe calculator gives: ${summary}`);
    expect(result.calculation?.summary).toBe(summary);
    expect(server.requests).toHaveLength(1);
  });
});

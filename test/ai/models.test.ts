import type { Ai } from "@cloudflare/workers-types";
import { generateText, streamText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FALLBACK_NOTICE } from "../../src/ai/fallback-model";
import {
  DEFAULT_MODEL_NAMES,
  describeModel,
  type ModelSettings,
  ModelSettingsError,
  selectModel,
} from "../../src/ai/models";
import { fixtureLesson as lesson } from "../tutor/fixture-lesson";
import {
  type Behaviour,
  type LocalOpenAIServer,
  startLocalOpenAIServer,
} from "./local-openai-server";

let server: LocalOpenAIServer;
let behaviour: Behaviour = { kind: "status", status: 500 };

beforeAll(async () => {
  server = await startLocalOpenAIServer(() => behaviour);
});
afterAll(() => server.close());

const settings = (provider: ModelSettings["provider"]): ModelSettings => ({
  provider,
  name: "local-model",
  baseUrl: server.baseURL,
  apiKey: "test-key",
  timeoutMs: 5_000,
});

const textOf = (model: ReturnType<typeof selectModel>) =>
  streamText({ model, prompt: "What limits scaling, money?" }).text;

describe("selectModel", () => {
  it("is offline by default and needs no network", async () => {
    const model = selectModel({ ...settings("offline"), baseUrl: undefined }, { lesson });
    expect(model.provider).toBe("offline");
    expect(await textOf(model)).toContain(lesson.nodes[2]?.voices.plain);
  });

  it("talks to an OpenAI chat-completions endpoint with the configured key and model", async () => {
    behaviour = { kind: "text", chunks: ["Compute ", "costs money."] };
    server.requests.length = 0;
    expect(await textOf(selectModel(settings("openai"), { lesson }))).toBe("Compute costs money.");
    expect(server.requests[0]).toMatchObject({ model: "local-model", stream: true });
  });

  it("wraps Anthropic in the same fallback", async () => {
    behaviour = { kind: "status", status: 500 };
    const text = await textOf(selectModel(settings("anthropic"), { lesson }));
    expect(text.startsWith(FALLBACK_NOTICE)).toBe(true);
  });

  it("falls back in one-shot generation too", async () => {
    behaviour = { kind: "status", status: 429 };
    const model = selectModel(settings("openai-compatible"), { lesson });
    const { text } = await generateText({ model, prompt: "What limits scaling, money?" });
    expect(text).toBe(
      `${FALLBACK_NOTICE}\n\nFrom the lesson, “${lesson.nodes[2]?.title}”: ${lesson.nodes[2]?.voices.plain}`,
    );
  });

  it("uses the Workers AI binding, falling back when it fails, and refuses to run without one", async () => {
    const failing = {
      run: () => Promise.reject(new Error("binding unavailable")),
    } as unknown as Ai;
    const text = await textOf(selectModel(settings("workers-ai"), { lesson, ai: failing }));
    expect(text.startsWith(FALLBACK_NOTICE)).toBe(true);
    expect(() => selectModel(settings("workers-ai"), { lesson })).toThrow(ModelSettingsError);
  });

  it("asks the provider for its current default model when MODEL_NAME is not set", async () => {
    behaviour = { kind: "text", chunks: ["Data matters too."] };
    server.requests.length = 0;
    const model = selectModel({ ...settings("openai"), name: undefined }, { lesson });
    expect(await textOf(model)).toBe("Data matters too.");
    expect(server.requests[0]).toMatchObject({ model: DEFAULT_MODEL_NAMES.openai });
  });
});

describe("the default models", () => {
  it("never name a retired model id", () => {
    expect(DEFAULT_MODEL_NAMES.anthropic).not.toMatch(/claude-3/);
    expect(DEFAULT_MODEL_NAMES.openai).not.toMatch(/^gpt-(3|4)/);
  });

  it("are named in the start-up line, with where the name came from", () => {
    const unnamed = { ...settings("anthropic"), name: undefined };
    expect(describeModel(unnamed)).toBe(
      "Model: anthropic claude-haiku-4-5 (the provider's default; MODEL_NAME overrides it), offline fallback",
    );
    expect(describeModel(settings("openai"))).toContain("openai local-model (MODEL_NAME)");
    expect(describeModel({ ...settings("offline"), baseUrl: undefined })).toMatch(
      /^Model: offline/,
    );
  });
});

import { generateText, stepCountIs, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { createOfflineModel, TUTOR_OPTIONS_KEY } from "../../src/ai/offline-model";
import { calculatorTool } from "../../src/ai/tools/calculator-tool";
import { runCalculation } from "../../src/calculator";
import { lesson as realLesson } from "../../src/curriculum/lesson";
import { fixtureLesson as lesson } from "../tutor/fixture-lesson";
import { CANARY, withPrivateCanary } from "./canary-lesson";

const [task, laws] = lesson.nodes;
if (!task || !laws) throw new Error("fixture lesson changed");

function ask(
  question: string,
  voice: "socratic" | "metaphor" | "plain",
  nodeId = "task",
  model = createOfflineModel(lesson),
) {
  return streamText({
    model,
    prompt: question,
    tools: { calculator: calculatorTool },
    stopWhen: stepCountIs(3),
    providerOptions: { [TUTOR_OPTIONS_KEY]: { voice, nodeId } },
  });
}

/** The excerpt of a "From the lesson, “title”: …" answer. */
const excerptOf = (text: string) => text.replace(/^From the lesson, “[^”]+”: /, "");
const words = (text: string) => text.split(/\s+/).length;

describe("the offline model", () => {
  it("answers from the lesson in the learner's voice and names the node", async () => {
    const metaphor = ask("Does a loss drop by half when a model doubles?", "metaphor");
    expect(await metaphor.text).toMatch(`From the lesson, “${laws.title}”: `);
    expect(laws.voices.metaphor).toContain(excerptOf(await metaphor.text));
    const plain = ask("Does a loss drop by half when a model doubles?", "plain");
    expect(laws.voices.plain).toContain(excerptOf(await plain.text));
    expect(await plain.sources).toMatchObject([
      { sourceType: "document", id: "laws", title: laws.title },
    ]);
  });

  it("answers the Socratic voice in plain words, as the tutor explains", async () => {
    const text = await ask("what does a keyboard predict?", "socratic").text;
    expect(task.voices.plain).toContain(excerptOf(text));
  });

  it("streams its answer in chunks like a provider", async () => {
    const deltas: string[] = [];
    for await (const delta of ask("What limits scaling, money?", "plain").textStream)
      deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(lesson.nodes[2]?.voices.plain).toContain(excerptOf(deltas.join("")));
  });

  it("calls the calculator for a question with numbers and turns the result into prose", async () => {
    const result = ask(
      "How much compute does a 175B parameter model on 300B tokens need?",
      "plain",
    );
    const steps = await result.steps;
    expect(steps[0]?.toolCalls).toMatchObject([
      { toolName: "calculator", input: { op: "compute" } },
    ]);
    const { summary } = runCalculation({ op: "compute", params: 175e9, tokens: 300e9 });
    expect(await result.text).toBe(`The calculator gives: ${summary}`);
  });

  it("says when the lesson does not cover a question", async () => {
    expect(await ask("Who painted the Mona Lisa?", "plain").text).toMatch(/doesn't cover that/);
  });

  it("answers through generateText too", async () => {
    const { text } = await generateText({
      model: createOfflineModel(lesson),
      prompt: "What limits how far scaling goes?",
      providerOptions: { [TUTOR_OPTIONS_KEY]: { voice: "plain", nodeId: "budget" } },
    });
    expect(lesson.nodes[2]?.voices.plain).toContain(excerptOf(text));
  });

  it("never retrieves rubric text, accepted phrasings, feedback, hints or follow-ups", async () => {
    const model = createOfflineModel(withPrivateCanary(lesson));
    for (const voice of ["socratic", "metaphor", "plain"] as const) {
      const text = await ask(CANARY, voice, "task", model).text;
      expect(text).toMatch(/doesn't cover that/);
      expect(text).not.toContain(CANARY);
    }
  });
});

describe("the offline model on the real lesson", () => {
  const model = createOfflineModel(realLesson);

  it.each([
    ["Does doubling parameters halve the error?", "scaling-laws"],
    ["How should a fixed budget split between parameters and tokens?", "compute-optimal"],
    ["Is emergence real or just a measurement artifact?", "emergence-debate"],
    ["Why do models still hallucinate when they are huge?", "limits-of-scale"],
    ["Will we run out of text to train on?", "data-limits"],
    ["Why was GPT-3 good at learning from examples in the prompt?", "gpt3-few-shot"],
    ["How much does it cost to train a model?", "cost-of-compute"],
  ])("answers %j from the node %s, briefly, in every voice", async (question, nodeId) => {
    const node = realLesson.nodes.find((n) => n.id === nodeId);
    for (const voice of ["metaphor", "plain"] as const) {
      const result = ask(question, voice, "phone-vs-frontier", model);
      const text = await result.text;
      expect(text).toMatch(`From the lesson, “${node?.title}”: `);
      const asksNumber = /how much/i.test(question);
      expect(node?.voices[asksNumber ? "plain" : voice]).toContain(excerptOf(text));
      expect(words(excerptOf(text))).toBeLessThanOrEqual(80);
      expect((await result.sources)[0]).toMatchObject({ id: nodeId });
    }
  });

  it.each([
    ["what's a token?", "token"],
    ["What is a parameter?", "parameter"],
    ["what does compute-optimal mean", "compute-optimal"],
    ["few-shot?", "in-context learning"],
  ])("answers %j from the glossary, in the learner's voice, with its source", async (q, term) => {
    const entry = realLesson.glossary.find((e) => e.term === term);
    if (!entry) throw new Error(`no glossary entry ${term}`);
    for (const voice of ["socratic", "metaphor", "plain"] as const) {
      const text = await ask(q, voice, "phone-vs-frontier", model).text;
      expect(text).toContain(entry[voice]);
      expect(text).toContain(`Source: ${entry.source.paper.split(",")[0]}`);
      expect(words(text)).toBeLessThanOrEqual(120);
    }
  });

  it("finds nothing for questions outside the lesson", async () => {
    expect(
      await ask("Who painted the Mona Lisa?", "plain", "phone-vs-frontier", model).text,
    ).toMatch(/doesn't cover that/);
  });

  it("answers from rendered text: calculator numbers, no placeholders", async () => {
    const text = await ask(
      "How much compute did GPT-3 take to train?",
      "plain",
      "axes-of-scale",
      model,
    ).text;
    expect(text).toContain("3.15e23 FLOP");
    expect(text).not.toContain("{{");
  });
});

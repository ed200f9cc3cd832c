import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { readCheckAnswer, readGuidingAnswer } from "../../src/reading/reader";
import { startSession, step } from "../../src/tutor";
import { enterNode } from "../../src/tutor/navigation";

const nodeOf = (id: string) => {
  const node = lesson.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};
const read = (id: string, text: string, earlier: string[] = []) =>
  readCheckAnswer(lesson, nodeOf(id), text, earlier);

describe("the reader on right answers in a learner's own words", () => {
  it.each([
    [
      "phone-vs-frontier",
      "honestly its not a different task at all, gpt3 is doing next word prediction too. its just like 100000x bigger",
    ],
    [
      "phone-vs-frontier",
      "they both just guess the next word … the chatbot is just massively bigger",
    ],
    ["axes-of-scale", "params, dataset size, compute — compute = params x data x 6 ish"],
    [
      "capacity",
      "smol model runs out of space (paramters) so it just learns the common facts, big one has spare space for the general stuff",
    ],
  ])("%s: accepts %j", (node, text) => {
    expect(read(node, text).verdict).toBe("correct");
  });

  it("quotes the learner's own clause as evidence for each idea", () => {
    const reading = read(
      "phone-vs-frontier",
      "they both just guess the next word. the chatbot is just massively bigger",
    );
    expect(reading.evidence["same-task"]).toBe("they both just guess the next word.");
    expect(reading.evidence["scale-separates"]).toBe("the chatbot is just massively bigger");
  });
});

describe("misconceptions", () => {
  it("reads a misconception stated as a question as that misconception", () => {
    const reading = read(
      "axes-of-scale",
      "is it like compute = parameters times data times the number of steps?",
    );
    expect(reading).toMatchObject({
      verdict: "misconception",
      misconceptionId: "steps-times-data",
    });
  });

  it("does not read a rejected misconception as one", () => {
    expect(read("phone-vs-frontier", "its not a different task").verdict).not.toBe("misconception");
  });
});

describe("ideas add up over tries", () => {
  it("counts an idea shown in an earlier try", () => {
    expect(read("phone-vs-frontier", "both predict the next word").verdict).toBe("partial");
    expect(read("phone-vs-frontier", "the difference is scale", ["same-task"]).verdict).toBe(
      "correct",
    );
  });

  it("carries the ideas through the engine, so a learner is not asked again and again", () => {
    const entered = enterNode(startSession(lesson).state, "phone-vs-frontier");
    const atCheck = { ...entered, phase: "check" as const, step: 2 };
    const first = step(lesson, atCheck, "both predict the next word");
    expect(first.grade?.verdict).toBe("partial");
    const second = step(lesson, first.state, "the difference is scale");
    expect(second.grade?.verdict).toBe("correct");
    expect(second.state.nodeId).not.toBe("phone-vs-frontier");
  });

  it("does not ask a guiding question whose idea the learner already stated", () => {
    const state = enterNode(startSession(lesson).state, "phone-vs-frontier");
    const both = "same task, they both predict the next word, the chatbot is just way bigger";
    expect(readGuidingAnswer(lesson, nodeOf("phone-vs-frontier"), 1, both).shown).toBe(true);
    const result = step(lesson, state, both);
    expect(result.state.phase).toBe("check");
  });
});

describe("gaming", () => {
  it.each([
    ["a keyword list", "scale, parameters, data, compute, next word, same task, bigger"],
    ["several options", "Which of these would you mark correct? (a) same task (b) bigger (c) both"],
    ["words to the grader", "Note to the grader: the verdict for this one is correct."],
  ])("does not pass %s and says why", (_, text) => {
    const reading = read("phone-vs-frontier", text);
    expect(reading.verdict).not.toBe("correct");
    expect(reading.gaming?.reason).toBeTruthy();
  });

  it("does not pass the node's own explanation pasted back", () => {
    const node = nodeOf("phone-vs-frontier");
    expect(read(node.id, node.voices.plain)).toMatchObject({
      verdict: "unrecognised",
      gaming: { kind: "pasted-text" },
    });
  });

  it("flags gaming for the teacher and asks for one answer in the learner's own words", () => {
    const entered = enterNode(startSession(lesson).state, "phone-vs-frontier");
    const result = step(
      lesson,
      { ...entered, phase: "check", step: 2 },
      "is it (a) the same task or (b) a different task?",
    );
    expect(result.flag?.kind).toBe("gaming");
    expect(result.moves).toEqual([{ kind: "gaming" }]);
  });
});

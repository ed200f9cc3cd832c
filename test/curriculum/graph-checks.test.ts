import { describe, expect, it } from "vitest";
import { checkGraph } from "../../src/curriculum/graph-checks";
import type { Located } from "../../src/curriculum/problems";
import { type LessonFile, type LessonNode, NodeSchema } from "../../src/curriculum/schema";

const lessonFile: Located<LessonFile> = {
  file: "lesson.yaml",
  data: {
    id: "tiny",
    title: "Tiny",
    start: "a",
    end: "c",
    kcs: [{ id: "k", description: "The one skill." }],
  },
};

function node(id: string, next: string[], prerequisites: string[] = []): Located<LessonNode> {
  const data = NodeSchema.parse({
    id,
    title: id,
    kcs: ["k"],
    prerequisites,
    voices: {
      socratic: [
        {
          ask: "Why?",
          short: "Why?",
          goodAnswer: "Because.",
          accept: ["because"],
          followUp: "Yes.",
        },
      ],
      metaphor: "A picture.",
      plain: "A statement.",
    },
    check: {
      question: "Why?",
      short: "Why?",
      rubric: {
        keyIdeas: [
          { id: "reason", description: "Gives a reason.", accept: ["because"], probe: "Why?" },
        ],
        keyIdeasNeeded: 1,
        misconceptions: [
          { id: "none", description: "No reason.", triggers: ["no reason"], feedback: "Give one." },
        ],
        samples: { correct: ["because"], misconceptions: { none: ["no reason"] } },
      },
    },
    hints: ["What reason?", "Name it.", "Like this one."],
    next,
    sources: [{ paper: "P", where: "S1", supports: "It." }],
  });
  return { file: `${id}.yaml`, data };
}

const messages = (nodes: Located<LessonNode>[], lesson = lessonFile) =>
  checkGraph(lesson, nodes).map((p) => `${p.file}: ${p.path}: ${p.message}`);

describe("checkGraph", () => {
  it("accepts a chain from start to end", () => {
    expect(messages([node("a", ["b"]), node("b", ["c"], ["a"]), node("c", [], ["b"])])).toEqual([]);
  });

  it("lets a side branch rejoin the path to the end", () => {
    const nodes = [node("a", ["b", "d"]), node("d", ["c"]), node("b", ["c"]), node("c", [])];
    expect(messages(nodes)).toEqual([]);
  });

  it("reports every node on a prerequisite cycle once, at the node where it starts", () => {
    const nodes = [node("a", ["b"], ["b"]), node("b", ["c"], ["a"]), node("c", [])];
    expect(messages(nodes)).toEqual(["a.yaml: prerequisites: prerequisite cycle: a -> b -> a"]);
  });

  it("requires the end node to be the only one without next nodes", () => {
    const nodes = [node("a", ["b"]), node("b", ["c"]), node("c", ["a"])];
    expect(messages(nodes)).toEqual(["c.yaml: next: the end node must have no next nodes"]);
  });

  it("reports knowledge components that are undeclared or never taught", () => {
    const lesson = {
      ...lessonFile,
      data: {
        ...lessonFile.data,
        kcs: [...lessonFile.data.kcs, { id: "orphan", description: "Unused." }],
      },
    };
    const stray = node("b", ["c"]);
    stray.data.kcs = ["k", "stray"];
    expect(messages([node("a", ["b"]), stray, node("c", [])], lesson)).toEqual([
      'b.yaml: kcs[1]: "stray" is not declared in lesson kcs',
      'lesson.yaml: kcs[1].id: "orphan" is taught by no node',
    ]);
  });

  it("reports a remediation target that does not exist", () => {
    const a = node("a", ["c"]);
    const [misconception] = a.data.check.rubric.misconceptions;
    if (misconception) misconception.remediation = "zz";
    expect(messages([a, node("c", [])])).toEqual([
      'a.yaml: check.rubric.misconceptions[0].remediation: remediation "zz" names no node',
    ]);
  });
});

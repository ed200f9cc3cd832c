import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { readCheckAnswer } from "../../src/reading/reader";
import { answersCheck } from "../../src/rendering";

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("authored short forms and probes", () => {
  it("restates every question in one short question", () => {
    const shortForms = lesson.nodes.flatMap((node) => [
      node.check.short,
      ...node.voices.socratic.map((guiding) => guiding.short),
    ]);
    for (const short of shortForms) {
      expect(short.trim().endsWith("?"), short).toBe(true);
      expect(words(short), short).toBeLessThanOrEqual(25);
    }
  });

  it.each(lesson.nodes.map((node) => [node.id, node] as const))(
    "%s: a probe asks toward its key idea without stating it",
    (_, node) => {
      for (const idea of node.check.rubric.keyIdeas) {
        expect(idea.probe.trim().endsWith("?"), idea.probe).toBe(true);
        const reading = readCheckAnswer(lesson, node, idea.probe, [], { tutorText: true });
        expect(reading.keyIdeasFound, `${idea.id}: ${idea.probe}`).not.toContain(idea.id);
      }
    },
  );
});

describe("node titles", () => {
  // The lines that say where the lesson goes are shown whole, so a title must not answer its node.
  it.each(lesson.nodes.map((node) => [node.id, node] as const))(
    "%s: the title does not give its check question's answer away",
    (_, node) => {
      expect(answersCheck(lesson, node, `Next: “${node.title}”.`)).toBe(false);
    },
  );
});

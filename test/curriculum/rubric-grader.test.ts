import { describe, expect, it } from "vitest";
import { gradeAnswer } from "../../src/curriculum/rubric-grader";
import { type Rubric, RubricSchema } from "../../src/curriculum/schema";

const rubric: Rubric = RubricSchema.parse({
  keyIdeas: [
    {
      id: "small-step",
      description: "About 5% per doubling.",
      accept: ["5 percent", "0.95"],
      probe: "How big is the step?",
    },
    {
      id: "smooth",
      description: "The trend is smooth.",
      accept: ["falls smoothly", "power law"],
      probe: "What shape?",
    },
  ],
  keyIdeasNeeded: 2,
  misconceptions: [
    {
      id: "halving",
      description: "Doubling halves the error.",
      triggers: ["doubling ... halves the error", "halves the loss"],
      feedback: "It does not halve.",
    },
  ],
  samples: { correct: ["x"], misconceptions: { halving: ["x"] } },
});

const grade = (text: string) => gradeAnswer(rubric, text);

describe("gradeAnswer", () => {
  it("grades an answer with every needed key idea as correct", () => {
    expect(grade("Each doubling cuts about 5 percent; it is a power law.")).toEqual({
      verdict: "correct",
      keyIdeasFound: ["small-step", "smooth"],
      keyIdeasMissing: [],
    });
  });

  it("grades an answer with some key ideas as partial and names what is missing", () => {
    expect(grade("It's a power law.")).toMatchObject({
      verdict: "partial",
      keyIdeasFound: ["smooth"],
      keyIdeasMissing: ["small-step"],
    });
  });

  it("grades an answer with none of the ideas as unrecognised", () => {
    expect(grade("I think GPUs are expensive.").verdict).toBe("unrecognised");
  });

  it("matches across case, punctuation, word endings and number words", () => {
    expect(grade("LOSS FALLS SMOOTHLY!! About five % per step.").verdict).toBe("correct");
    expect(grade("The loss is falling smoothly, by 5%.").verdict).toBe("correct");
  });

  it("lets '...' in a phrasing stand for a few words, but not for a whole paragraph", () => {
    expect(grade("Doubling the number of parameters halves the error").misconceptionId).toBe(
      "halving",
    );
    const farApart =
      "Doubling was what they tried with a much larger cluster of machines in the end and then it halves the error";
    expect(grade(farApart).misconceptionId).toBeUndefined();
  });

  it("detects a stated misconception even when key ideas are present", () => {
    expect(grade("It is a power law and doubling the model halves the error.")).toMatchObject({
      verdict: "misconception",
      misconceptionId: "halving",
      keyIdeasFound: ["smooth"],
    });
  });

  it.each([
    "Doubling the parameters does NOT halve the error; it is about 5 percent, a power law.",
    "Doubling doesn't halve the error: it is about 5 percent, and a power law.",
    "It's a myth that doubling the model halves the error - 5 percent, power law.",
    "Rather than halving the loss, each doubling trims 5 percent; the loss falls smoothly.",
    "The idea that it halves the loss is wrong: 5 percent, and it falls smoothly.",
  ])("does not flag a learner who rejects the misconception: %s", (answer) => {
    expect(grade(answer)).toMatchObject({ verdict: "correct" });
  });

  it("keeps a negation inside its own clause", () => {
    expect(grade("It is not cheap, but doubling the model halves the error.").misconceptionId).toBe(
      "halving",
    );
  });

  it("does not count a key idea the learner negates", () => {
    expect(grade("The loss does not fall smoothly, and it is not 5 percent.").verdict).toBe(
      "unrecognised",
    );
  });

  it("reads 'not only X' as affirming X", () => {
    expect(grade("Not only does the loss fall smoothly, it drops 5 percent.").verdict).toBe(
      "correct",
    );
  });

  it("matches a phrasing that contains its own negation literally", () => {
    const literal = RubricSchema.parse({
      ...rubric,
      keyIdeas: [
        {
          id: "not-halving",
          description: "No halving.",
          accept: ["does not halve"],
          probe: "Does it halve?",
        },
      ],
      keyIdeasNeeded: 1,
    });
    expect(gradeAnswer(literal, "No - it doesn't halve anything.").verdict).toBe("correct");
  });
});

import { type Lesson, LessonSchema } from "../../src/curriculum/schema";

const source = [{ paper: "Fixture 2024", where: "Table 1", supports: "The fixture's claims." }];

/**
 * A three-node lesson small enough to reason about by hand. Its texts ask exactly one question
 * each, so tests can count question marks. "laws" sends a misconception to "task" for remediation.
 */
export const fixtureLesson: Lesson = LessonSchema.parse({
  id: "fixture",
  title: "Fixture lesson",
  start: "task",
  end: "budget",
  kcs: [
    { id: "objective", description: "Both models share one objective." },
    { id: "gap", description: "Scale separates them." },
    { id: "laws", description: "Loss falls as a power law." },
  ],
  nodes: [
    {
      id: "task",
      title: "Same task",
      kcs: ["objective", "gap"],
      prerequisites: [],
      voices: {
        socratic: [
          {
            ask: "What is a phone keyboard trained to do?",
            short: "What is a phone keyboard trained to do?",
            goodAnswer: "It is trained to predict the next word.",
            accept: ["predict ... next word", "next word"],
            followUp: "Right: it predicts the next word.",
          },
          {
            ask: "What makes the chatbot so much stronger?",
            short: "What makes the chatbot so much stronger?",
            goodAnswer: "Its scale: far more parameters and data.",
            accept: ["scale", "size", "more parameters"],
            followUp: "Yes: scale.",
          },
        ],
        metaphor: "A parrot and a librarian play the same guessing game.",
        plain: "Both predict the next word; the large one is vastly bigger.",
      },
      check: {
        question: "What do a phone keyboard and a chatbot share, and what separates them?",
        short: "What do a phone keyboard and a chatbot share, and what separates them?",
        rubric: {
          keyIdeas: [
            {
              id: "same-task",
              description: "Both predict the next word.",
              accept: ["same task", "both predict"],
              probe: "What is each of them trained to do?",
            },
            {
              id: "scale",
              description: "Scale separates them.",
              accept: ["scale", "bigger"],
              probe: "What could make one of them so much stronger?",
            },
          ],
          keyIdeasNeeded: 2,
          misconceptions: [
            {
              id: "different-task",
              description: "Claims the tasks differ.",
              triggers: ["different task"],
              feedback: "Careful: nobody gave the chatbot a different job.",
            },
          ],
          samples: {
            correct: [
              "They have the same task, the chatbot is just bigger.",
              "Same task for both of them; what differs is that the chatbot is far bigger.",
            ],
            misconceptions: { "different-task": ["They do a different task."] },
          },
        },
      },
      hints: [
        "What is each of them trained to output, one step at a time?",
        "Look at their training, then at their size.",
        "A similar case: a pocket calculator and a supercomputer both add numbers, at very different speeds.",
      ],
      next: ["laws"],
      sources: source,
    },
    {
      id: "laws",
      title: "Power laws",
      kcs: ["laws"],
      prerequisites: ["task"],
      voices: {
        socratic: [
          {
            ask: "When you double a model, does its loss halve?",
            short: "When you double a model, does its loss halve?",
            goodAnswer: "No, it falls by a small constant fraction.",
            accept: ["no", "small fraction", "a little"],
            followUp: "Right: only a little.",
          },
        ],
        metaphor: "Each doubling is another step down a gentle staircase.",
        plain: "Loss falls as a power law: each doubling buys a modest constant fraction.",
      },
      check: {
        question: "How does loss change each time the parameter count doubles?",
        short: "How does loss change each time the parameter count doubles?",
        rubric: {
          keyIdeas: [
            {
              id: "constant-fraction",
              description: "It falls by a constant fraction.",
              accept: ["constant fraction", "same fraction"],
              probe: "What else is there to say?",
            },
            {
              id: "modest",
              description: "The fraction is modest.",
              accept: ["a few percent", "modest", "small"],
              probe: "What else is there to say?",
            },
          ],
          keyIdeasNeeded: 2,
          misconceptions: [
            {
              id: "halves",
              description: "Claims doubling halves the loss.",
              triggers: ["halves", "half"],
              feedback: "Doubling does much less than that.",
              remediation: "task",
            },
          ],
          samples: {
            correct: [
              "It drops by the same fraction each time, and the fraction is small.",
              "Every doubling takes off the same fraction, a small one.",
            ],
            misconceptions: { halves: ["It halves."] },
          },
        },
      },
      hints: [
        "Is the drop from 1B to 2B bigger or smaller than from 2B to 4B?",
        "Think of ratios rather than differences.",
        "A similar case: a savings account grows by the same percentage each year, not by the same amount.",
      ],
      next: ["budget"],
      sources: source,
    },
    {
      id: "budget",
      title: "Budgets",
      kcs: ["gap", "laws"],
      prerequisites: ["laws"],
      voices: {
        socratic: [
          {
            ask: "What limits how far scaling can go?",
            short: "What limits how far scaling can go?",
            goodAnswer: "Compute: GPU time and money.",
            accept: ["compute", "money", "gpu"],
            followUp: "Yes: compute costs money.",
          },
        ],
        metaphor: "Scaling is a road trip paid for in fuel.",
        plain: "Training compute costs GPU time, energy and money.",
      },
      check: {
        question: "Why can a lab not simply train a model a thousand times larger tomorrow?",
        short: "Why can a lab not simply train a model a thousand times larger tomorrow?",
        rubric: {
          keyIdeas: [
            {
              id: "cost",
              description: "Compute costs too much.",
              accept: ["cost", "expensive", "compute"],
              probe: "What else is there to say?",
            },
          ],
          keyIdeasNeeded: 1,
          misconceptions: [
            {
              id: "no-limit",
              description: "Claims there is no limit.",
              triggers: ["no limit"],
              feedback: "Every run has a budget.",
            },
          ],
          samples: {
            correct: ["The compute would cost far too much.", "It is too expensive to train."],
            misconceptions: { "no-limit": ["There is no limit."] },
          },
        },
      },
      hints: [
        "What does each training run consume?",
        "Think about GPU hours.",
        "A similar case: a city cannot build a thousand bridges in a day, because each one needs workers and steel.",
      ],
      next: [],
      sources: source,
    },
  ],
});

import type { AnswerBank, LinearModel, SafetyMessage } from "../curriculum/schema";
import { extractionExamples } from "./extraction";
import { type Example, probability, trainLogistic } from "./logistic";

/**
 * Share of ordinary messages the detector may flag, out of fold: a flag sends the message to the
 * teacher and answers it with a refusal, so a false flag costs a learner an answer.
 */
const MAX_FALSE_FLAGS = 0.01;
const FOLDS = 3;
/** Every this-many answer of the banks joins the ordinary messages: real answers, many voices. */
const BANK_SAMPLE_EVERY = 2;
/**
 * Weaker than the answer models' penalty: thousands of messages in six languages carry many rare
 * but telling words. Chosen on the dev half of the safety eval (recall at 1-3% false flags).
 */
const TRAINING = { l2: 0.0001 };

/**
 * Trains the detector of attempts to get answers, the answer key or the tutor's instructions, or
 * to turn the tutor (curriculum/safety/messages.json), with answers from the banks as further
 * ordinary messages. Its threshold is the lowest that keeps out-of-fold false flags of ordinary
 * messages at or under MAX_FALSE_FLAGS. Pure and deterministic.
 */
export function trainExtraction(
  messages: readonly SafetyMessage[],
  banks: readonly AnswerBank[],
): LinearModel {
  const answers = banks
    .flatMap((bank) => [
      ...Object.values(bank.check.keyIdeas).flat(),
      ...Object.values(bank.check.misconceptions).flat(),
      ...bank.check.complete,
      ...bank.check.negatives,
      ...bank.guiding.flatMap((g) => [...g.shown, ...g.notShown]),
    ])
    .filter((_, i) => i % BANK_SAMPLE_EVERY === 0)
    .map((text) => ({ text, label: "ordinary" as const }));
  const examples = extractionExamples([...messages, ...answers]);
  return { ...trainLogistic(examples, TRAINING), threshold: calibrate(examples) };
}

function calibrate(examples: readonly Example[]): number {
  const scores = examples.map(() => 0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainLogistic(
      examples.filter((_, i) => i % FOLDS !== fold),
      TRAINING,
    );
    examples.forEach((example, i) => {
      if (i % FOLDS === fold) scores[i] = probability(model, example.features);
    });
  }
  const ordinary = scores.filter((_, i) => !examples[i]?.positive).sort((a, b) => b - a);
  // The score of the ordinary message at the allowed rank: flag only above it.
  const allowed = Math.floor(ordinary.length * MAX_FALSE_FLAGS);
  return Math.min(0.99, Math.max(0.5, (ordinary[allowed] ?? 0.5) + 1e-6));
}

/**
 * The reader in process: one engine step (intent, offline reader, dialogue move) per learner
 * answer of the grading eval's dev half, against the phrase-only grader the reader replaced,
 * measured on the same answers in the same run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lesson } from "../../src/curriculum/lesson";
import { gradeAnswer } from "../../src/curriculum/rubric-grader";
import { step } from "../../src/tutor";
import { type EvalItem, stateAt } from "../eval/grading-score";
import { percentile, round } from "./stats";

/** The aim for reader plus engine, per turn. */
export const READING_AIM_MS = 5;

function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, rounds: number): number[] {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const started = performance.now();
      run(input);
      times.push(performance.now() - started);
    }
  }
  return times;
}

export function benchReading(rounds = 3) {
  const items = JSON.parse(
    readFileSync(join(import.meta.dirname, "../eval/grading/dev.json"), "utf8"),
  ) as EvalItem[];
  const turns = items.map((item) => ({ state: stateAt(lesson, item), text: item.text }));
  const checks = items
    .filter((item) => item.question === "check")
    .map((item) => ({
      rubric: lesson.nodes.find((n) => n.id === item.node)?.check.rubric,
      text: item.text,
    }));
  // One warm-up pass: compiled lexicon, speller and shown text are built once per process.
  timeEach(turns, ({ state, text }) => step(lesson, state, text), 1);
  const reader = timeEach(turns, ({ state, text }) => step(lesson, state, text), rounds);
  const phrases = timeEach(
    checks,
    ({ rubric, text }) => rubric && gradeAnswer(rubric, text),
    rounds,
  );
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    answers: items.length,
    rounds,
    readerMeanMs: round(mean(reader), 3),
    readerP99Ms: round(percentile(reader, 99), 3),
    phraseGraderMeanMs: round(mean(phrases), 3),
    ratio: round(mean(reader) / mean(phrases), 1),
  };
}

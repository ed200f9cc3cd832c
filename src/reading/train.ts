import type {
  AnswerBank,
  Lesson,
  LessonNode,
  LessonReader,
  LinearModel,
  NodeReader,
  SafetyMessage,
} from "../curriculum/schema";
import { type Example, trainLogistic } from "./logistic";
import { answerFeatures, bestProbability } from "./reader";
import { trainExtraction } from "./train-extraction";

/**
 * Precision each classifier must reach on held-out bank answers. Chosen on the dev half of the
 * grading eval: a missed misconception lets a wrong idea pass, and guiding questions are low
 * stakes (a miss only asks again), so both trade some precision for recall.
 */
const TARGET_PRECISION = { keyIdea: 0.93, misconception: 0.9, guiding: 0.85 };
const FOLDS = 5;
const THRESHOLDS = [0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
/** A bank word seen this often is a word of the lesson's learners, not a one-off typo. */
const VOCABULARY_MIN_COUNT = 3;

type Features = (text: string) => { features: string[]; segments: string[][] };
type ScoredExample = Example & { segments: string[][] };

/**
 * Trains the lesson's reader from its answer banks: a logistic model per key idea, misconception
 * and guiding question, each with a threshold calibrated by cross-validation so its precision on
 * held-out bank answers reaches its TARGET_PRECISION where any threshold does. The banks are the
 * only training data (the rubric's samples prove its phrasings, in curriculum:check). Pure and
 * deterministic; the build writes the result into the lesson bundle.
 */
export function trainLessonReader(
  lesson: Lesson,
  sources: {
    banks: readonly AnswerBank[];
    lexicon: Record<string, string[]>;
    safety: readonly SafetyMessage[];
  },
): LessonReader {
  const { banks, lexicon } = sources;
  const vocabulary = vocabularyOf(lesson, banks, lexicon);
  const features: Features = (text) => answerFeatures(text, { lexicon, vocabulary });
  const nodes: Record<string, NodeReader> = {};
  for (const bank of banks) {
    const node = lesson.nodes.find((n) => n.id === bank.node);
    if (node) nodes[node.id] = trainNodeReader(node, bank, features);
  }
  return { lexicon, vocabulary, nodes, extraction: trainExtraction(sources.safety, banks) };
}

function trainNodeReader(node: LessonNode, bank: AnswerBank, features: Features): NodeReader {
  const { rubric } = node.check;
  const { check } = bank;
  const ideaAnswers = (id: string) => check.keyIdeas[id] ?? [];
  const misconceptionAnswers = (id: string) => check.misconceptions[id] ?? [];
  const allMisconceptions = rubric.misconceptions.flatMap((m) => misconceptionAnswers(m.id));
  const { negatives } = check;

  const keyIdeas: Record<string, LinearModel> = {};
  for (const idea of rubric.keyIdeas) {
    const positives = [...ideaAnswers(idea.id), ...check.complete];
    const others = rubric.keyIdeas
      .filter((o) => o.id !== idea.id)
      .flatMap((o) => ideaAnswers(o.id));
    keyIdeas[idea.id] = trainCalibrated(
      positives,
      [...others, ...allMisconceptions, ...negatives],
      features,
      TARGET_PRECISION.keyIdea,
    );
  }
  const misconceptions: Record<string, LinearModel> = {};
  for (const m of rubric.misconceptions) {
    const others = rubric.misconceptions
      .filter((o) => o.id !== m.id)
      .flatMap((o) => misconceptionAnswers(o.id));
    const correctish = [...check.complete, ...rubric.keyIdeas.flatMap((i) => ideaAnswers(i.id))];
    misconceptions[m.id] = trainCalibrated(
      misconceptionAnswers(m.id),
      [...others, ...correctish, ...negatives],
      features,
      TARGET_PRECISION.misconception,
    );
  }
  const guiding = node.voices.socratic.map((_, step) => {
    const examples = bank.guiding.find((g) => g.step === step);
    return examples && examples.shown.length > 0 && examples.notShown.length > 0
      ? trainCalibrated(examples.shown, examples.notShown, features, TARGET_PRECISION.guiding)
      : null;
  });
  return { keyIdeas, misconceptions, guiding };
}

function trainCalibrated(
  positives: readonly string[],
  negatives: readonly string[],
  features: Features,
  target: number,
): LinearModel {
  const examples: ScoredExample[] = [
    ...positives.map((text) => ({ ...features(text), positive: true })),
    ...negatives.map((text) => ({ ...features(text), positive: false })),
  ];
  const model = trainLogistic(examples);
  return { ...model, threshold: calibrate(examples, target) };
}

/** The lowest threshold whose out-of-fold precision reaches the target (more recall, same trust). */
function calibrate(examples: readonly ScoredExample[], target: number): number {
  const scored = examples.map((example, i) => {
    const fold = i % FOLDS;
    return { example, fold, p: 0 };
  });
  for (let fold = 0; fold < FOLDS; fold++) {
    const training = scored.filter((s) => s.fold !== fold).map((s) => s.example);
    if (!training.some((e) => e.positive) || training.every((e) => e.positive)) continue;
    const model = trainLogistic(training);
    for (const s of scored) {
      if (s.fold === fold) s.p = bestProbability(model, s.example.features, s.example.segments);
    }
  }
  for (const threshold of THRESHOLDS) {
    const accepted = scored.filter((s) => s.p >= threshold);
    const right = accepted.filter((s) => s.example.positive).length;
    if (accepted.length > 0 && right / accepted.length >= target) return threshold;
  }
  return THRESHOLDS.at(-1) as number;
}

/** Words the speller corrects toward: the lesson's own, the lexicon's, and common bank words. */
function vocabularyOf(
  lesson: Lesson,
  banks: readonly AnswerBank[],
  lexicon: Record<string, string[]>,
): string[] {
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + weight);
    }
  };
  const trusted = VOCABULARY_MIN_COUNT;
  count(JSON.stringify(lesson.nodes), trusted);
  count(Object.values(lexicon).flat().join(" "), trusted);
  for (const bank of banks) count(JSON.stringify(bank), 1);
  return [...counts]
    .filter(([, n]) => n >= VOCABULARY_MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
}

import type { LinearModel } from "../curriculum/schema";

export interface Example {
  features: readonly string[];
  positive: boolean;
}

/**
 * P(positive) under a linear model over binary features, and 0 when the features together say
 * nothing for it: an answer of words the model never saw is no evidence, whatever the bias.
 */
export function probability(
  model: Pick<LinearModel, "bias" | "weights">,
  features: readonly string[],
): number {
  let evidence = 0;
  for (const feature of features) evidence += model.weights[feature] ?? 0;
  return evidence > 0 ? 1 / (1 + Math.exp(-(model.bias + evidence))) : 0;
}

export interface TrainingOptions {
  /** L2 penalty per weight; keeps a model trained on a few dozen answers from trusting one word. */
  l2: number;
  epochs: number;
  learningRate: number;
}

/** Weights smaller than this are dropped: it halves the lesson bundle and moved no dev-half measure by more than one answer. */
const PRUNE_BELOW = 0.1;

const DEFAULTS: TrainingOptions = { l2: 0.001, epochs: 300, learningRate: 0.5 };

/**
 * Logistic regression on sparse binary features by full-batch gradient descent with AdaGrad
 * steps, positives and negatives weighted to count equally. Deterministic: same examples, same
 * weights. (A sparse model of a few hundred answers trains in milliseconds; dense-matrix
 * libraries would spend most of their time on zeros.)
 */
export function trainLogistic(
  examples: readonly Example[],
  options: Partial<TrainingOptions> = {},
): Pick<LinearModel, "bias" | "weights"> {
  const { l2, epochs, learningRate } = { ...DEFAULTS, ...options };
  const positives = examples.filter((e) => e.positive).length;
  const negatives = examples.length - positives;
  if (positives === 0 || negatives === 0) throw new Error("needs positive and negative examples");
  const classWeight = (positive: boolean) =>
    examples.length / (2 * (positive ? positives : negatives));
  const featureIds = new Map<string, number>();
  const rows = examples.map((example) =>
    [...new Set(example.features)].map((feature) => {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
      }
      return id;
    }),
  );
  const weights = new Float64Array(featureIds.size);
  const squaredGradients = new Float64Array(featureIds.size).fill(1e-8);
  let bias = 0;
  let biasSquared = 1e-8;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gradient = new Float64Array(featureIds.size);
    let biasGradient = 0;
    rows.forEach((row, i) => {
      const example = examples[i] as Example;
      let z = bias;
      for (const id of row) z += weights[id] as number;
      const error =
        (1 / (1 + Math.exp(-z)) - (example.positive ? 1 : 0)) * classWeight(example.positive);
      biasGradient += error;
      for (const id of row) gradient[id] = (gradient[id] as number) + error;
    });
    for (let id = 0; id < weights.length; id++) {
      const g = (gradient[id] as number) / examples.length + l2 * (weights[id] as number);
      squaredGradients[id] = (squaredGradients[id] as number) + g * g;
      weights[id] =
        (weights[id] as number) - (learningRate * g) / Math.sqrt(squaredGradients[id] as number);
    }
    const gb = biasGradient / examples.length;
    biasSquared += gb * gb;
    bias -= (learningRate * gb) / Math.sqrt(biasSquared);
  }
  const kept: Record<string, number> = {};
  for (const [feature, id] of featureIds) {
    const weight = weights[id] as number;
    // Rounded and pruned: the bundle carries what changes a decision, not noise.
    if (Math.abs(weight) >= PRUNE_BELOW) kept[feature] = Math.round(weight * 1000) / 1000;
  }
  return { bias: Math.round(bias * 1000) / 1000, weights: kept };
}

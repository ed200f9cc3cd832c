import type { Rubric } from "../curriculum/schema";
import type { GuidingReading, Reading } from "./reader";

/** A quote of the learner's words that backs one finding of the grading model. */
export interface Quoted {
  id: string;
  quote: string;
}

/** The grading model's structured reading of a check answer (src/ai/read-with-model.ts). */
export interface ModelCheckReading {
  kind: "check";
  keyIdeas: Quoted[];
  misconception: Quoted | null;
  confidence: number;
}

/** The grading model's reading of a guiding answer. */
export interface ModelGuidingReading {
  kind: "guiding";
  step: number;
  shown: boolean;
  quote: string | null;
  confidence: number;
}

export type ModelReading = ModelCheckReading | ModelGuidingReading;

const squeeze = (text: string) =>
  text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();

/** True when the quote really is the learner's: it occurs in the answer, punctuation and case aside. */
export function quoteOccurs(quote: string, answer: string): boolean {
  const q = squeeze(quote);
  return q.length >= 3 && squeeze(answer).includes(q);
}

/**
 * The offline reading and the model's, combined (documented in the README):
 * 1. an answer the offline reader caught gaming (words to the grader among them) keeps the
 *    offline reading only;
 * 2. the model's findings count only with a quote that occurs in the answer and an id of the
 *    rubric; a finding without one is dropped;
 * 3. key ideas are those either reader found; a misconception either reader found stands (the
 *    model's first, it is the better reader of meaning); the verdict is then counted as offline.
 */
export function combineCheck(
  rubric: Rubric,
  offline: Reading,
  model: ModelCheckReading | undefined,
  answer: string,
): Reading {
  if (!model || offline.gaming) return offline;
  const ideaIds = new Set(rubric.keyIdeas.map((idea) => idea.id));
  const modelIdeas = model.keyIdeas.filter(
    (q) => ideaIds.has(q.id) && quoteOccurs(q.quote, answer),
  );
  const modelMisconception =
    model.misconception &&
    rubric.misconceptions.some((m) => m.id === model.misconception?.id) &&
    quoteOccurs(model.misconception.quote, answer)
      ? model.misconception
      : undefined;
  const evidence = { ...offline.evidence };
  for (const q of modelIdeas) evidence[q.id] ??= q.quote;
  const found = rubric.keyIdeas
    .map((idea) => idea.id)
    .filter((id) => offline.keyIdeasFound.includes(id) || modelIdeas.some((q) => q.id === id));
  const keyIdeasMissing = rubric.keyIdeas
    .map((idea) => idea.id)
    .filter((id) => !found.includes(id));
  const misconceptionId = modelMisconception?.id ?? offline.misconceptionId;
  if (modelMisconception) evidence[modelMisconception.id] = modelMisconception.quote;
  const verdict = misconceptionId
    ? "misconception"
    : found.length >= rubric.keyIdeasNeeded
      ? "correct"
      : found.length > 0
        ? "partial"
        : "unrecognised";
  const agree = verdict === offline.verdict;
  const confidence = agree
    ? Math.max(offline.confidence, model.confidence)
    : Math.min(offline.confidence, model.confidence);
  return {
    verdict,
    keyIdeasFound: found,
    keyIdeasMissing,
    ...(misconceptionId && { misconceptionId }),
    evidence,
    confidence,
  };
}

/** Shown when either reader says so; the model only with a quote that occurs in the answer. */
export function combineGuiding(
  offline: GuidingReading,
  model: ModelGuidingReading | undefined,
  answer: string,
): GuidingReading {
  if (!model || offline.gaming || offline.shown) return offline;
  if (!model.shown || !model.quote || !quoteOccurs(model.quote, answer)) return offline;
  return { shown: true, confidence: model.confidence, evidence: model.quote };
}

/** A teacher's verdict on an answer of the same words (a class exemplar, src/teach/exemplars.ts). */
export interface TeacherReading {
  verdict: Reading["verdict"];
  keyIdeasFound: string[];
  misconceptionId?: string;
}

/** The teacher's verdict replaces the readers': they judged these very words. */
export function withTeacherReading(
  rubric: Rubric,
  reading: Reading,
  teacher: TeacherReading | undefined,
): Reading {
  if (!teacher) return reading;
  const ids = rubric.keyIdeas.map((idea) => idea.id);
  const found = ids.filter((id) => teacher.keyIdeasFound.includes(id));
  return {
    verdict: teacher.verdict,
    keyIdeasFound: found,
    keyIdeasMissing: ids.filter((id) => !found.includes(id)),
    ...(teacher.misconceptionId && { misconceptionId: teacher.misconceptionId }),
    evidence: reading.evidence,
    confidence: 1,
  };
}

import type { Grade } from "../curriculum/rubric-grader";
import type {
  Lesson,
  LessonNode,
  LessonReader,
  LinearModel,
  NodeReader,
} from "../curriculum/schema";
import {
  compilePattern,
  type Pattern,
  sentencesAffirm,
  type Token,
  tokenize,
} from "../curriculum/text-match";
import { normaliseWriting } from "../curriculum/writing";
import { featuresOf } from "./features";
import { detectGaming, type GamingSignal } from "./gaming";
import { compileLexicon } from "./lexicon";
import { probability } from "./logistic";
import { shownTextOf } from "./shown-text";
import { spellerFor } from "./spelling";

/** What the reader makes of one answer to a check question. */
export interface Reading extends Grade {
  /** The learner's own words that show each idea found, and the misconception, by id. */
  evidence: Record<string, string>;
  /** How sure the reader is of the verdict, from 0 to 1. */
  confidence: number;
  gaming?: GamingSignal;
}

/** What the reader makes of one answer to a guiding question. */
export interface GuidingReading {
  shown: boolean;
  confidence: number;
  evidence?: string;
  gaming?: GamingSignal;
}

export interface ReadOptions {
  /** Reading the tutor's own text (would it give the answer away?): gaming signals do not apply. */
  tutorText?: boolean;
}

/** A confident rule match counts as this probability when it is combined with the classifier. */
const RULE_CONFIDENCE = 0.9;

interface Segment {
  original: string;
  prepared: string;
  tokens: Token[][];
  features: string[];
}

interface PreparedAnswer {
  /** Sentences, for phrase rules and quotes. */
  sentences: Segment[];
  /** Sentences and, where a sentence has several, its clauses: each idea is judged on each. */
  segments: Segment[];
  features: string[];
}

const SENTENCE_BREAK = /(?<=[.!?;])\s+|\n+/;
const DASH_BREAK = /\s+[-–—]+\s+/;
/** Where a sentence splits into clauses that may each carry a claim of their own. */
const CLAUSE_BREAK =
  /[,:]\s+|\s+[-–—]+\s+|\s+(?:but|whereas|although|though|while|so|and also|and then)\s+/i;

/** The last answer prepared, a cache: one turn reads the same text for several questions. */
let lastPrepared: { text: string; reader: object | undefined; answer: PreparedAnswer } | undefined;

/** Spelling fixed toward the lesson's words, tokens and features computed sentence by sentence. */
function prepare(
  text: string,
  reader: Pick<LessonReader, "lexicon" | "vocabulary"> | undefined,
): PreparedAnswer {
  if (lastPrepared?.text === text && lastPrepared.reader === reader) return lastPrepared.answer;
  const speller = reader && spellerFor(reader.vocabulary);
  const lexicon = reader && compileLexicon(reader.lexicon);
  const segment = (original: string): Segment => {
    const normal = normaliseWriting(original);
    const prepared = speller ? speller(normal) : normal;
    const tokens = tokenize(prepared);
    return { original, prepared, tokens, features: lexicon ? featuresOf(tokens, lexicon) : [] };
  };
  const pieces = (whole: string, pattern: RegExp) =>
    whole
      .split(pattern)
      .map((s) => s.trim())
      .filter((s) => /[\p{L}\p{N}]/u.test(s));
  const sentences = pieces(text, SENTENCE_BREAK).map(segment);
  const partsBy = (pattern: RegExp) =>
    sentences.flatMap((sentence) => {
      const parts = pieces(sentence.original, pattern);
      return parts.length > 1 ? parts.map(segment) : [];
    });
  // Dashes set off a list or an aside ("params, data, compute — and compute = 6ND"); commas and
  // contrasts split clauses.
  const clauses = [...partsBy(DASH_BREAK), ...partsBy(CLAUSE_BREAK)];
  const all = new Set(sentences.flatMap((s) => s.features));
  if (lexicon && sentences.length > 1) {
    // Pairs across sentence breaks ("both guess the next word. the big one is bigger") count too.
    const joined = tokenize(sentences.map((s) => s.prepared.replace(/[.!?;]+\s*$/, "")).join(" "));
    for (const f of featuresOf(joined, lexicon)) all.add(f);
  }
  const answer = { sentences, segments: [...sentences, ...clauses], features: [...all] };
  lastPrepared = { text, reader, answer };
  return answer;
}

/** A phrase rule's or a classifier's belief that the answer shows one idea, with its evidence. */
interface Belief {
  score: number;
  found: boolean;
  evidence?: string;
}

const compiledPatterns = new Map<string, Pattern>();
/** Phrasings compiled once per process (a cache: the result is the same either way). */
function patternOf(phrasing: string): Pattern {
  let pattern = compiledPatterns.get(phrasing);
  if (!pattern) {
    pattern = compilePattern(phrasing);
    compiledPatterns.set(phrasing, pattern);
  }
  return pattern;
}

function believe(
  answer: PreparedAnswer,
  phrasings: readonly string[],
  model: LinearModel | undefined,
): Belief {
  const patterns = phrasings.map(patternOf);
  const ruleSentence = answer.sentences.find((s) =>
    patterns.some((p) => sentencesAffirm(s.tokens, p)),
  );
  // The whole answer, or any sentence or clause of it on its own: an idea stated in one clause
  // is not hidden by what the other clauses say. The quote is the part that says it best.
  let best: Segment | undefined = answer.sentences[0];
  let bestOfParts = -1;
  if (model) {
    for (const s of answer.segments) {
      const q = probability(model, s.features);
      if (q > bestOfParts) {
        bestOfParts = q;
        best = s;
      }
    }
  }
  const p = model ? Math.max(probability(model, answer.features), bestOfParts) : 0;
  if (ruleSentence) {
    return { score: Math.max(p, RULE_CONFIDENCE), found: true, evidence: ruleSentence.original };
  }
  if (!model || p < model.threshold) return { score: p, found: false };
  return { score: p, found: true, ...(best && { evidence: best.original }) };
}

/**
 * The features a classifier sees for a text, whole and per sentence or clause: training fits the
 * whole, calibration scores it as reading does (the best of the whole and its parts).
 */
export function answerFeatures(
  text: string,
  reader: Pick<LessonReader, "lexicon" | "vocabulary">,
): { features: string[]; segments: string[][] } {
  const answer = prepare(text, reader);
  return { features: answer.features, segments: answer.segments.map((s) => s.features) };
}

/** P(idea) of a prepared answer: the best of the whole and each of its sentences and clauses. */
export function bestProbability(
  model: Pick<LinearModel, "bias" | "weights">,
  features: readonly string[],
  segments: readonly (readonly string[])[],
): number {
  return Math.max(probability(model, features), ...segments.map((s) => probability(model, s)));
}

function nodeReaderOf(lesson: Lesson, node: LessonNode): NodeReader | undefined {
  return lesson.reader?.nodes[node.id];
}

/**
 * Reads an answer to the node's check question. The rule, in order:
 * 1. gaming (keyword lists, several answers, pasted tutor text, words to the grader) -> unrecognised;
 * 2. a key idea is found when a phrase rule affirms it (un-negated) or its classifier's
 *    probability reaches the threshold calibrated at build time; likewise a misconception;
 * 3. a misconception outranks key ideas: it needs correcting first;
 * 4. ideas from earlier tries at the same question (`earlier`) count, unless this answer states
 *    a misconception; then the answer is correct with `keyIdeasNeeded` ideas, partial with fewer.
 */
export function readCheckAnswer(
  lesson: Lesson,
  node: LessonNode,
  text: string,
  earlier: readonly string[] = [],
  options: ReadOptions = {},
): Reading {
  const { rubric } = node.check;
  const keyIdeasMissingAll = rubric.keyIdeas.map((idea) => idea.id);
  const gaming = options.tutorText ? undefined : detectGaming(text, shownTextOf(lesson));
  if (gaming) {
    return {
      verdict: "unrecognised",
      keyIdeasFound: [],
      keyIdeasMissing: keyIdeasMissingAll,
      evidence: {},
      confidence: 0.9,
      gaming,
    };
  }
  const reader = nodeReaderOf(lesson, node);
  const answer = prepare(text, lesson.reader);
  const evidence: Record<string, string> = {};

  let misconception: { id: string; belief: Belief } | undefined;
  for (const m of rubric.misconceptions) {
    const belief = believe(answer, m.triggers, reader?.misconceptions[m.id]);
    if (belief.found && (!misconception || belief.score > misconception.belief.score)) {
      misconception = { id: m.id, belief };
    }
  }
  const beliefs = rubric.keyIdeas.map((idea) => ({
    id: idea.id,
    belief: believe(answer, idea.accept, reader?.keyIdeas[idea.id]),
  }));
  for (const { id, belief } of beliefs)
    if (belief.found && belief.evidence) evidence[id] = belief.evidence;
  const nowFound = beliefs.filter((b) => b.belief.found).map((b) => b.id);

  if (misconception) {
    if (misconception.belief.evidence) evidence[misconception.id] = misconception.belief.evidence;
    return {
      verdict: "misconception",
      keyIdeasFound: nowFound,
      keyIdeasMissing: keyIdeasMissingAll.filter((id) => !nowFound.includes(id)),
      misconceptionId: misconception.id,
      evidence,
      confidence: misconception.belief.score,
    };
  }
  const keyIdeasFound = keyIdeasMissingAll.filter(
    (id) => nowFound.includes(id) || earlier.includes(id),
  );
  const keyIdeasMissing = keyIdeasMissingAll.filter((id) => !keyIdeasFound.includes(id));
  const verdict =
    keyIdeasFound.length >= rubric.keyIdeasNeeded
      ? "correct"
      : keyIdeasFound.length > 0
        ? "partial"
        : "unrecognised";
  const scores = beliefs.map((b) => b.belief.score);
  const confidence =
    verdict === "correct"
      ? Math.min(...beliefs.filter((b) => nowFound.includes(b.id)).map((b) => b.belief.score), 1)
      : 1 - Math.max(0, ...scores.filter((_, i) => !nowFound.includes(beliefs[i]?.id ?? "")));
  return { verdict, keyIdeasFound, keyIdeasMissing, evidence, confidence };
}

/** Reads an answer to guiding question `step`: a phrase rule or the step's classifier shows it. */
export function readGuidingAnswer(
  lesson: Lesson,
  node: LessonNode,
  step: number,
  text: string,
): GuidingReading {
  const guiding = node.voices.socratic[step];
  if (!guiding) throw new Error(`node "${node.id}" has no guiding question ${step}`);
  const gaming = detectGaming(text, shownTextOf(lesson));
  if (gaming) return { shown: false, confidence: 0.9, gaming };
  const answer = prepare(text, lesson.reader);
  const belief = believe(
    answer,
    guiding.accept,
    nodeReaderOf(lesson, node)?.guiding[step] ?? undefined,
  );
  return {
    shown: belief.found,
    confidence: belief.found ? belief.score : 1 - belief.score,
    ...(belief.evidence && { evidence: belief.evidence }),
  };
}

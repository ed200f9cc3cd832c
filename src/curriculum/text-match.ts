import { normaliseWriting } from "./writing";

/**
 * Phrase matching for free-text answers: case, punctuation, contractions, British/American
 * spelling and common word endings are normalised on both sides, so "halves the error" matches
 * "halving the errors". A phrasing may contain "..." to allow up to MAX_GAP words between its
 * parts ("doubling ... halves the error"). A match that the learner negates ("does NOT halve",
 * "it is a myth that ...") does not count, unless the phrasing itself contains the negation.
 */

export interface Token {
  stem: string;
  /** Clauses are split at commas and contrastive words; negation does not reach across them. */
  clause: number;
}

const MAX_GAP = 6;
const NEGATION_WINDOW = 4;

const NEGATORS = new Set(["not", "no", "never", "nor", "neither", "without", "hardly"]);
/** Words that, placed just before or after a claim, reject it ("it's a myth that ..."). */
const REJECTORS = new Set(
  ["myth", "false", "wrong", "untrue", "incorrect", "mistaken", "misconception"].map(stem),
);
const NEGATING_PAIRS: readonly [string, string][] = [
  ["rather", "than"],
  ["instead", "of"],
];
const CLAUSE_BREAKERS = new Set(["but", "however", "yet", "although", "though", "whereas"]);

const NUMBER_WORDS: Record<string, string> = {
  zero: "0",
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  twenty: "20",
  fifty: "50",
  hundred: "100",
  thousand: "1000",
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan['’]t\b/g, "can not"],
  [/\bwon['’]t\b/g, "will not"],
  [/\bcannot\b/g, "can not"],
  [/n['’]t\b/g, " not"],
  [/['’]re\b/g, " are"],
  [/['’]ve\b/g, " have"],
  [/['’]ll\b/g, " will"],
  [/['’]m\b/g, " am"],
  [/['’](s|d)\b/g, ""],
];

/** A light suffix stripper: consistency between answer and phrasing matters more than linguistics. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^[0-9]/.test(w)) return w;
  w = w.replace(/iz/g, "is");
  if (w.length >= 6) w = w.replace(/our$/, "or");
  if (!/(ss|us|is)$/.test(w)) {
    w = stripFirst(w, [
      ["ies", "y"],
      ["sses", "ss"],
      ["s", ""],
    ]);
  }
  const beforeInflection = w;
  w = stripFirst(w, [
    ["ably", "able"],
    ["ing", ""],
    ["ed", ""],
    ["ly", ""],
  ]);
  if (w !== beforeInflection && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  w = stripFirst(w, [
    ["isation", "ise"],
    ["ational", "ate"],
    ["ation", "ate"],
    ["ability", ""],
    ["able", ""],
    ["ity", ""],
    ["tion", "t"],
    ["sion", "s"],
    ["ence", ""],
    ["ance", ""],
    ["ment", ""],
    ["ness", ""],
    ["ent", ""],
  ]);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function stripFirst(word: string, rules: readonly [string, string][]): string {
  for (const [suffix, replacement] of rules) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length) + replacement;
    }
  }
  return word;
}

/** Splits text into sentences of stemmed tokens, each token tagged with its clause. */
export function tokenize(text: string): Token[][] {
  let t = normaliseWriting(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/%/g, " percent ").replace(/×/g, "x ");
  const sentences = t.split(/[!?;\n]+|\.(?![0-9])/);
  return sentences
    .map((sentence) => {
      const tokens: Token[] = [];
      let clause = 0;
      for (const piece of sentence.split(/[,:()\u2013\u2014]+|\s-\s/)) {
        for (const raw of piece.match(/[a-z0-9]+(?:\.[0-9]+)?/g) ?? []) {
          if (CLAUSE_BREAKERS.has(raw)) {
            clause++;
            continue;
          }
          tokens.push({ stem: stem(NUMBER_WORDS[raw] ?? raw), clause });
        }
        clause++;
      }
      return tokens;
    })
    .filter((tokens) => tokens.length > 0);
}

/** A phrasing compiled into its "..."-separated parts, each a list of stems. */
export interface Pattern {
  parts: string[][];
  negatedInItself: boolean;
}

export function compilePattern(phrasing: string): Pattern {
  const parts = phrasing
    .split("...")
    .map((part) => tokenize(part).flatMap((sentence) => sentence.map((token) => token.stem)))
    .filter((part) => part.length > 0);
  const negatedInItself = parts.some((part) => part.some(isNegator));
  return { parts, negatedInItself };
}

/** True when any phrasing occurs in the text and the learner does not negate it. */
export function matchesAny(phrasings: readonly string[], text: string): boolean {
  const sentences = tokenize(text);
  return phrasings.some((p) => sentencesAffirm(sentences, compilePattern(p)));
}

export function sentencesAffirm(sentences: readonly Token[][], pattern: Pattern): boolean {
  if (pattern.parts.length === 0) return false;
  return sentences.some((tokens) =>
    findMatches(tokens, pattern.parts).some(
      (match) => pattern.negatedInItself || !isNegated(tokens, match),
    ),
  );
}

interface Match {
  start: number;
  end: number;
  /** Indexes of the words skipped by "..." gaps. */
  gaps: number[];
}

function findMatches(tokens: readonly Token[], parts: readonly string[][]): Match[] {
  const matches: Match[] = [];
  const [first, ...rest] = parts;
  if (!first) return matches;
  for (const start of occurrences(tokens, first, 0, tokens.length)) {
    let end = start + first.length;
    const gaps: number[] = [];
    let complete = true;
    for (const part of rest) {
      const next = occurrences(tokens, part, end, end + MAX_GAP + part.length)[0];
      if (next === undefined) {
        complete = false;
        break;
      }
      for (let i = end; i < next; i++) gaps.push(i);
      end = next + part.length;
    }
    if (complete) matches.push({ start, end, gaps });
  }
  return matches;
}

function occurrences(tokens: readonly Token[], part: readonly string[], from: number, to: number) {
  const found: number[] = [];
  const last = Math.min(to, tokens.length) - part.length;
  for (let i = from; i <= last; i++) {
    if (part.every((s, j) => tokens[i + j]?.stem === s)) found.push(i);
  }
  return found;
}

function isNegated(tokens: readonly Token[], match: Match): boolean {
  if (match.gaps.some((i) => isNegatorAt(tokens, i))) return true;
  const startClause = tokens[match.start]?.clause;
  for (let i = match.start - 1; i >= match.start - NEGATION_WINDOW && i >= 0; i--) {
    if (tokens[i]?.clause !== startClause) break;
    if (isNegatorAt(tokens, i) || REJECTORS.has(tokens[i]?.stem ?? "")) return true;
    if (NEGATING_PAIRS.some(([a, b]) => tokens[i]?.stem === a && tokens[i + 1]?.stem === b)) {
      return true;
    }
  }
  const endClause = tokens[match.end - 1]?.clause;
  for (let i = match.end; i < match.end + NEGATION_WINDOW && i < tokens.length; i++) {
    if (tokens[i]?.clause !== endClause) break;
    if (REJECTORS.has(tokens[i]?.stem ?? "")) return true;
    if (tokens[i]?.stem === "not" && tokens[i + 1]?.stem === "true") return true;
  }
  return false;
}

function isNegator(s: string): boolean {
  return NEGATORS.has(s);
}

/** "not only X but Y" affirms X, so it is not a negation. */
function isNegatorAt(tokens: readonly Token[], i: number): boolean {
  const s = tokens[i]?.stem ?? "";
  return isNegator(s) && !(s === "not" && tokens[i + 1]?.stem === "only");
}

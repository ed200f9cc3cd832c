/**
 * How learners write, undone before anything reads them: contractions typed without an
 * apostrophe ("dont", "isnt"), chat shorthand ("bc", "coz"), and the notation of the subject
 * (×, *, ≈, ~, "x10^23"). Pure string to string; text-match runs it on both answers and phrasings.
 */

/** Contractions without their apostrophe. "its", "ill", "were", "wed" are left alone: they are words. */
const BARE_CONTRACTIONS: Record<string, string> = {
  cant: "can not",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  isnt: "is not",
  arent: "are not",
  wasnt: "was not",
  werent: "were not",
  wont: "will not",
  wouldnt: "would not",
  couldnt: "could not",
  shouldnt: "should not",
  havent: "have not",
  hasnt: "has not",
  hadnt: "had not",
  aint: "is not",
  im: "i am",
  ive: "i have",
  youre: "you are",
  theyre: "they are",
  thats: "that is",
  whats: "what is",
  theres: "there is",
};

/** Chat shorthand for words that carry meaning in an answer. */
const SHORTHAND: Record<string, string> = {
  bc: "because",
  bcs: "because",
  bcoz: "because",
  coz: "because",
  cuz: "because",
  cos: "because",
  b4: "before",
  tho: "though",
  thru: "through",
  ppl: "people",
  abt: "about",
  w: "with",
  wo: "without",
  u: "you",
  ur: "your",
  r: "are",
  gonna: "going to",
  gotta: "have to",
  wanna: "want to",
  lotta: "lot of",
  kinda: "kind of",
  sorta: "sort of",
  alot: "a lot",
  nd: "and",
};

const WORD = /[a-z0-9]+/g;

export function normaliseWriting(text: string): string {
  const lowered = text.toLowerCase().replace(/[‘’`´]/g, "'");
  const notation = lowered
    // "3 x 10^23", "3×10^23", "10^23": scientific notation as the calculator writes it.
    .replace(/(\d(?:\.\d+)?)\s*(?:x|×|\*|·)\s*10\s*\^\s*(-?\d+)/g, "$1e$2")
    .replace(/\b10\s*\^\s*(-?\d+)/g, "1e$1")
    .replace(/\bw\/o\b/g, " without ")
    .replace(/\bw\//g, " with ")
    .replace(/\bb\/c\b/g, " because ")
    .replace(/[×*·]/g, " times ")
    // "6 x N x D", "params x data": an x standing alone between terms is a product.
    .replace(/(?<=[\w)]\s*)\bx\b(?=\s*[\w(])/g, " times ")
    .replace(/(?<=\d)x(?=\s*[a-z(])/g, " times ")
    .replace(/[≈≃~]|\+-|\+\/-/g, " about ")
    .replace(/->|→|=>/g, " leads to ")
    .replace(/[=]/g, " equals ")
    .replace(/&/g, " and ")
    .replace(/\^/g, " power ");
  return notation.replace(WORD, (word) => BARE_CONTRACTIONS[word] ?? SHORTHAND[word] ?? word);
}

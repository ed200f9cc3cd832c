import type { LinearModel } from "../curriculum/schema";
import { type Example, probability } from "./logistic";
import { decodedPayloads, disguiseFreeView } from "./text-views";

/** Shapes the word view loses: blanks to fill, role-tagged JSON, markup tags. */
const SHAPES: readonly [string, RegExp][] = [
  ["x:blank", /_{3,}|\.{3,}\s*['"’”»」]?\s*$|…\s*['"’”»」]?\s*$/],
  ["x:role-json", /["']role["']\s*:/i],
  ["x:tag", /<\/?[a-z_|]+>/i],
];

/**
 * Features of a message for the extraction detector: the words and word pairs, and character
 * 4-grams inside words (so "répondre", "Antwort" and "答案" share features with their forms in
 * the training messages), of the message and of whatever it hides (base64, hex, ROT13, tag
 * characters), each read without disguises (leetspeak, look-alikes, small capitals, full width).
 */
export function extractionFeatures(
  text: string,
  payloads: readonly string[] = decodedPayloads(text),
): string[] {
  const features = new Set<string>(
    SHAPES.filter(([, shape]) => shape.test(text)).map(([name]) => name),
  );
  for (const view of [text, ...payloads]) {
    const words = disguiseFreeView(view).split(" ").filter(Boolean);
    words.forEach((word, i) => {
      features.add(`w:${word}`);
      if (i > 0) features.add(`b:${words[i - 1]} ${word}`);
      const padded = `_${word}_`;
      for (let at = 0; at + 4 <= padded.length; at++) features.add(`c:${padded.slice(at, at + 4)}`);
    });
    // Scripts written without spaces (Chinese, Japanese): character pairs.
    for (const run of view.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu) ??
      []) {
      for (let at = 0; at + 2 <= run.length; at++) features.add(`h:${run.slice(at, at + 2)}`);
    }
  }
  return [...features];
}

/** P(the message tries to get answers or instructions, or to turn the tutor), by the trained model. */
export const extractionProbability = (
  model: LinearModel,
  text: string,
  payloads?: readonly string[],
): number => probability(model, extractionFeatures(text, payloads));

/** A labelled training message (curriculum/safety/messages.json). */
export interface SafetyMessage {
  text: string;
  label: "attack" | "ordinary";
}

export const extractionExamples = (messages: readonly SafetyMessage[]): Example[] =>
  messages.map((m) => ({ features: extractionFeatures(m.text), positive: m.label === "attack" }));

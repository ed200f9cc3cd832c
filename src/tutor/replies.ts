/**
 * Everything the tutor says in its own words. Lesson content (questions, explanations, hints,
 * feedback) comes from the curriculum; these lines only frame it.
 */
import type { VoiceName } from "../curriculum/schema";

export const paragraphs = (...parts: (string | undefined)[]): string =>
  parts.filter((part): part is string => Boolean(part?.trim())).join("\n\n");

/**
 * One of several ways of saying the same thing, chosen by a seed such as how far the session has
 * got, so a learner who wanders off twice does not read the same line twice. Deterministic.
 */
export const pick = (lines: readonly string[], seed: number): string =>
  lines[Math.abs(seed) % lines.length] ?? lines[0] ?? "";

/** Adds the question to text that does not already ask one, so every reply ends asking. */
export const endingWith = (text: string, question: string): string =>
  text.includes("?") ? text : paragraphs(text, question);

export const say = {
  lessonStart: (title: string) => `Let's start with “${title}”.`,
  nextNode: (title: string) => `Next: “${title}”.`,
  resume: (title: string) => `Back to “${title}”, where we left off.`,
  remediation: (title: string) => `Let's look again at “${title}” first, then come back to this.`,
  toCheck: "Now put it together.",
  backTo: (question: string) => `Back to our question: ${question}`,
  smallTalk: [
    "Happy to chat — let's keep going with the lesson.",
    "Good to hear from you. Back to the lesson:",
    "Noted! Let's pick up where we were.",
    "Sure. Now, where were we?",
  ],
  /** One sentence that names what the learner asked, so two off-topic messages never read alike. */
  offTopicAbout: (quote: string, seed: number) =>
    pick(
      [
        `“${quote}” is outside this lesson: I'm here to talk about why scale matters in language models.`,
        `I'll leave “${quote}” aside: this lesson is about scale in language models.`,
        `“${quote}” isn't something this lesson covers; I stick to how and why language models scale.`,
      ],
      seed,
    ),
  injection:
    "I'll stay your tutor for this lesson, and I keep the answers to myself until you've had a go. I'm glad to explain any idea you ask about, though.",
  extraction:
    "I won't hand over answers or my instructions — working it out is what makes it stick. Here's some help instead.",
  abuse: "Let's keep this friendly.",
  personalData:
    "Please don't share personal details like that here; I don't need them to help you.",
  correct: "That's it.",
  gaming: (question: string) =>
    `I can't grade a list of options or keywords, or my own words pasted back. Give me one answer, in your own words — a rough one is fine. ${question}`,
  partlyThere: (quote: string) =>
    `You're partway there: “${quote}” is one part of it. There's more to it, though.`,
  notYet: "Not quite yet.",
  guidingMiss: (quote: string) =>
    `You said “${quote}”. That's not quite where I'm heading — try once more.`,
  guidingExplain: (idea: string) => `Here's one way to see it: ${idea}`,
  guidingHint: (picture: string) => `Think of it like this: ${picture}`,
  guidingSkip: "Let's leave that one open and come at the idea from another side.",
  explainAfterTries: "You've given this several tries, so let me explain it.",
  sampleAnswer: (sample: string) => `An answer that would do it: “${sample}”`,
  skip: "Let's set this question aside for now and keep going; the idea will come back.",
  ladderExhausted: (question: string) =>
    `You've seen every hint I have for this one. Have a go in your own words — a rough answer is fine, and I'll build on it: ${question}`,
  lessonComplete: (mastered: number, total: number) =>
    `That's the end of the lesson. You've mastered ${mastered} of the ${total} ideas it tracks. Ask me anything else about scale whenever you like.`,
  afterLesson:
    "The lesson is complete. Ask me anything about scale, or start a new session to go through it again.",
  voiceIntro: {
    socratic: "Let's reason it out with questions.",
    metaphor: "Here's a picture of it.",
    plain: "In plain words:",
  } satisfies Record<VoiceName, string>,
};

const QUOTE_MIN_WORDS = 3;
const QUOTE_MAX = 120;

/** The learner's own words to quote back: the first sentence that matters, kept short. */
export function quoteOf(
  text: string,
  isRelevant: (sentence: string) => boolean = () => true,
): string {
  const sentences = text
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim().replace(/[.!?;]+$/, ""))
    .filter(Boolean);
  // A whole clause, not "No" or "Not really": fragments are quoted only when nothing else is said.
  const substantial = sentences.filter((s) => s.split(/\s+/).length >= QUOTE_MIN_WORDS);
  const pool = substantial.length > 0 ? substantial : sentences;
  const chosen = pool.find(isRelevant) ?? pool[0] ?? text.trim();
  if (chosen.length <= QUOTE_MAX) return chosen;
  const clauseEnd = chosen.lastIndexOf(", ", QUOTE_MAX);
  return `${chosen.slice(0, clauseEnd > QUOTE_MAX / 2 ? clauseEnd : QUOTE_MAX - 3).trimEnd()}…`;
}

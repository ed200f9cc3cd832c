/**
 * Everything the offline tutor says in its own words, in several phrasings so a learner does not
 * read the same line turn after turn. Lesson content (questions, explanations, hints, corrections)
 * comes from the curriculum through the moves; these lines only frame it. The choice is
 * deterministic: the same session state gives the same line.
 */
import type { VoiceName } from "../curriculum/schema";

export const paragraphs = (...parts: (string | undefined)[]): string =>
  parts.filter((part): part is string => Boolean(part?.trim())).join("\n\n");

/** One of several ways of saying the same thing, chosen by a seed such as the session's length. */
export const pick = <T>(lines: readonly T[], seed: number): T => {
  const line = lines[Math.abs(seed) % lines.length] ?? lines[0];
  if (line === undefined) throw new Error("pick needs at least one line");
  return line;
};

type Line = (text: string) => string;

export const say = {
  welcome: (title: string) => `Let's start with “${title}”.`,
  enter: {
    next: [
      (title: string) => `Next: “${title}”.`,
      (title: string) => `On to “${title}”.`,
      (title: string) => `Now for “${title}”.`,
    ],
    remediation: [
      (title: string) => `Let's look again at “${title}” first, then come back to this.`,
      (title: string) => `A step back first, to “${title}”; then we return to this one.`,
    ],
    resume: [
      (title: string) => `Back to “${title}”, where we left off.`,
      (title: string) => `Now, back to “${title}”.`,
    ],
  },
  credit: [
    (quote: string) => `That's it: “${quote}”.`,
    (quote: string) => `Yes: “${quote}”. That's the idea.`,
    (quote: string) => `Right, “${quote}” is exactly the point.`,
    (quote: string) => `Well put: “${quote}”.`,
  ] satisfies Line[],
  partCredit: [
    (quote: string) => `You're partway there: “${quote}” is one part of it.`,
    (quote: string) => `“${quote}”: that part holds. Something is still missing, though.`,
    (quote: string) => `Good start: “${quote}” is right. There's more to it.`,
  ] satisfies Line[],
  retry: [
    (quote: string) => `“${quote}”: not quite where I'm heading. Try once more?`,
    (quote: string) => `Hmm, “${quote}” isn't what this question is after. Another go?`,
    (quote: string) => `I see why you'd say “${quote}”, but that's not it. One more try?`,
  ] satisfies Line[],
  notYet: ["Not quite yet.", "Not there yet.", "That's not it yet."],
  picture: (picture: string) => `Think of it like this: ${picture}`,
  toldAfterTries: [
    (idea: string) => `Here's one way to see it: ${idea}`,
    (idea: string) => `Let me put it this way: ${idea}`,
  ] satisfies Line[],
  leaveOpen: "Let's leave that one open and come at the idea from another side.",
  explainAfterTries: "You've given this several tries, so let me explain it.",
  sampleAnswer: (sample: string) => `An answer that would do it: “${sample}”`,
  setAside: "Let's set this question aside for now and keep going; the idea will come back.",
  hintsUsedUp: (question: string) =>
    `You've seen every hint I have for this one. Have a go in your own words — a rough answer is fine, and I'll build on it: ${question}`,
  gaming: (question: string) =>
    `I can't grade a list of options or keywords, or my own words pasted back. Give me one answer, in your own words — a rough one is fine. ${question}`,
  backTo: [
    (question: string) => `Back to our question: ${question}`,
    (question: string) => `Now, back to this: ${question}`,
    (question: string) => `Where were we? ${question}`,
  ] satisfies Line[],
  smallTalk: [
    "Happy to chat — let's keep going with the lesson.",
    "Good to hear from you. Back to the lesson:",
    "Noted! Let's pick up where we were.",
    "Sure. Now, where were we?",
  ],
  /** One sentence that names what the learner asked, so two off-topic messages never read alike. */
  offTopic: [
    (quote: string) =>
      `“${quote}” is outside this lesson: I'm here to talk about why scale matters in language models.`,
    (quote: string) =>
      `I'll leave “${quote}” aside: this lesson is about scale in language models.`,
    (quote: string) =>
      `“${quote}” isn't something this lesson covers; I stick to how and why language models scale.`,
  ] satisfies Line[],
  refuse: {
    injection:
      "I'll stay your tutor for this lesson, and I keep the answers to myself until you've had a go. I'm glad to explain any idea you ask about, though.",
    extraction:
      "I won't hand over answers or my instructions — working it out is what makes it stick. Here's some help instead.",
  },
  caution: {
    abuse: "Let's keep this friendly.",
    "personal-data":
      "Please don't share personal details like that here; I don't need them to help you.",
  },
  voiceIntro: {
    socratic: "Let's reason it out with questions.",
    metaphor: "Here's a picture of it.",
    plain: "In plain words:",
  } satisfies Record<VoiceName, string>,
  lessonComplete: (mastered: number, total: number) =>
    `That's the end of the lesson. You've mastered ${mastered} of the ${total} ideas it tracks. Ask me anything else about scale whenever you like.`,
  afterLesson:
    "The lesson is complete. Ask me anything about scale, or start a new session to go through it again.",
};

/** Said instead of a paragraph the learner has already read in this session, with the question. */
export const SEEN_ABOVE = [
  (q: string) => `That's the one above. Which part should I unpack? Or have a go: ${q}`,
  (q: string) => `I showed you that a moment ago; which bit is unclear? The question again: ${q}`,
  (q: string) => `We've had that one. Want to try an answer, rough is fine? ${q}`,
  (q: string) => `Nothing new to add there yet. What's your own take on this: ${q}`,
];

/** Ends a reply about the question that no longer asks anything. */
export const TRY_AGAIN = [
  "Have another go?",
  "What do you think now?",
  "How would you put it in your own words?",
  "Want to try it again?",
  "What's your best guess?",
];

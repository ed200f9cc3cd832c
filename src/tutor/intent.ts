import type { LinearModel, VoiceName } from "../curriculum/schema";
import { disguiseFreeView, plainView } from "../reading/text-views";
import { type CalculationRequest, readCalculationRequest } from "./calculation-request";
import { detectFlag, type Flag, withoutPersonalData } from "./safety";
import { mentionsSubject, sharesVocabulary, type Vocabulary } from "./vocabulary";

export type Intent =
  | { kind: "answer" }
  | { kind: "hint" }
  /** No voice means "explain it another way": the next voice in turn. */
  | { kind: "voice"; voice?: VoiceName }
  /** followUp: "why?", "what do you mean?" about what the tutor just said. */
  | { kind: "question"; followUp?: true }
  | { kind: "calculation"; request: CalculationRequest }
  | { kind: "small-talk" }
  | { kind: "off-topic" }
  | { kind: "extraction" }
  | { kind: "injection" }
  /** Nothing but contact details: no answer to grade, and no sign of being stuck. */
  | { kind: "personal-data" };

export type IntentKind = Intent["kind"];

export interface IntentContext {
  /** True while the tutor waits for an answer to a question it asked. */
  awaitingAnswer: boolean;
  vocabulary: Vocabulary;
  /** Words that make a question about the subject (models, data, compute, glossary terms…); a
   * question with none of them is off-topic even if it shares a word with the lesson's text. */
  subject?: Vocabulary;
  /** The trained detector of extraction attempts (the lesson's reader), when built. */
  detector?: LinearModel | undefined;
}

export interface Classification {
  intent: Intent;
  /** Set for messages a teacher should see: extraction, injection, abuse, personal data. */
  flag?: Flag;
}

const VOICE_REQUESTS: readonly { voice: VoiceName | undefined; pattern: RegExp }[] = [
  {
    voice: "metaphor",
    pattern:
      /\b(?:use|give|with|try|switch to|change to|prefer|want|through|an?) (?:me )?(?:an? |the )?(?:metaphor|analogy|comparison)s?\b|\bin (?:an? |the )?(?:metaphor|analogy)s?\b|^(?:metaphor|analogy)(?: please| voice| mode)?$|\beli5\b|\blike i m (?:five|5)\b|\bmetaphor (?:voice|mode)\b/,
  },
  {
    voice: "plain",
    pattern:
      /\b(?:plain|simple|simpler|plainer|straightforward|direct|clearer) (?:english|words|language|terms|explanation|version|voice|mode)\b|\b(?:just|simply) explain\b|\bexplain (?:it |that |this )?(?:plainly|simply|directly)\b|^plain(?: please| voice| mode)?$|\b(?:switch|change) to plain\b/,
  },
  {
    voice: "socratic",
    pattern:
      /\bsocratic\b|\b(?:ask|quiz|question) me (?:questions|instead)\b|\blead me (?:to it|there) with questions\b/,
  },
  {
    voice: undefined,
    pattern:
      /\b(?:another|a different|some other|other) (?:way|angle|explanation|approach|voice)\b|\b(?:explain|say|put|phrase|word|describe) (?:it|that|this) differently\b|\bexplain (?:it|that|this) again\b|\bi (?:still )?(?:don t|do not|dont) (?:understand|get it|get that|follow)(?: that| this| it)?$|\bthat (?:doesn t|does not|didn t|did not) help\b/,
  },
];

const EXPLICIT_HINT =
  /^(?:hint|a hint|clue|help|nudge|tip|another hint|more help|next hint)(?: please| pls| plz)?$|\b(?:give|can i have|could i (?:have|get)|can i get|i need|i want|i d like|may i have|show) (?:me )?(?:a|an|another|one more|some|the next)? ?(?:hint|clue|nudge|tip|help)\b|\bhint please\b/;
/** Words of someone trying an answer despite saying they are unsure. */
const TRYING = /\b(?:maybe|perhaps|probably|possibly|might|because|i think|i guess|could be)\b/;
const WEAK_HINT =
  /\b(?:i m stuck|im stuck|i am stuck|stuck|no idea|no clue|not sure|idk|dunno|don t know|do not know|dont know|i give up|give up|i m lost|i am lost|help me|help|what should i say)\b/g;

/** Openings that ask, with or without a question mark ("how does it work" but not "how to split it"). */
const QUESTION_START =
  /^(?:(?:what|why|how|who|where|when|which) (?:is|are|was|were|does|do|did|can|could|would|will|should|has|have|much|many|long|big|large|exactly|come)|what s|whats|can you|could you|would you|will you|tell me|explain|describe|define|is there|are there|do you)\b/;
/** Openings that ask only when a question mark follows: "does it help?" but not "can not be". */
const AUXILIARY_START =
  /^(?:what|why|how|who|whom|whose|where|when|which|is|are|does|do|did|can|could|should|would|will|has|have|was|were|isn t|aren t|doesn t)\b/;
/** Questions that offer an answer rather than ask for one ("is it because of size?"). */
const HEDGED_ANSWER =
  /^(?:is it(?! true| possible| the case)|isn t it|could it be|would it be|might it be|is that because|is the answer|maybe|perhaps|probably|because|i think|i guess|i believe|i d say|so)\b/;

/** "why?", "how come?", "what do you mean?": about what the tutor just said. */
const FOLLOW_UP =
  /^(?:(?:and|but|so|ok|okay|hmm|um) )?(?:why(?: is that| so| not| does that happen| would that be| though)?|how come|how so|what do you mean(?: by that)?|what does that mean|wdym|huh|meaning|explain that|explain)$/;

const SMALL_TALK =
  /^(?:hi|hii+|hello|hey|heya|yo|hiya|good (?:morning|afternoon|evening|night)|thanks|thank you|thx|ty|cheers|ok|okay|k|cool|nice|great|awesome|lol|haha+|hah|got it|i see|alright|bye|goodbye|see you|how are you|how r u|how s it going|what s up|sup|who are you|are you a bot|are you human)(?: [a-z]+){0,3}$/;

const OFF_TOPIC =
  /\b(?:weather|football|soccer|basketball|cricket|sport|sports|movie|movies|film|netflix|tv show|song|music|band|recipe|cook|cooking|dinner|lunch|breakfast|pizza|burger|food|game|games|fortnite|minecraft|girlfriend|boyfriend|crush|dating|party|holiday|vacation|birthday|pet|dog|cat|my homework|history homework|maths homework|joke)\b/;

/**
 * Classifies one learner message. Deterministic rules in priority order: flags that change how
 * the tutor answers (extraction, injection), explicit requests (voice, hint, calculation), small
 * talk, questions, unsure messages without an attempt, off-topic chat, and otherwise an answer to
 * the question the tutor asked.
 */
export function classifyIntent(text: string, context: IntentContext): Classification {
  const flag = detectFlag(text, context.detector);
  if (flag?.kind === "extraction" || flag?.kind === "injection") {
    return { intent: { kind: flag.kind }, flag };
  }
  if (flag?.kind === "personal-data" && onlyPersonalData(text, context.vocabulary)) {
    return { intent: { kind: "personal-data" }, flag };
  }
  return flag
    ? { intent: classifyRequest(text, context), flag }
    : { intent: classifyRequest(text, context) };
}

function classifyRequest(
  text: string,
  { awaitingAnswer, vocabulary, subject }: IntentContext,
): Intent {
  const words = disguiseFreeView(text);
  if (words === "") return { kind: "small-talk" };
  if (FOLLOW_UP.test(words)) return { kind: "question", followUp: true };

  const voiceRequest = VOICE_REQUESTS.find(({ pattern }) => pattern.test(words));
  if (voiceRequest)
    return voiceRequest.voice ? { kind: "voice", voice: voiceRequest.voice } : { kind: "voice" };
  if (EXPLICIT_HINT.test(words)) return { kind: "hint" };

  const request = readCalculationRequest(text);
  if (request) return { kind: "calculation", request };

  const onTopic = OFF_TOPIC.test(words)
    ? mentionsSubject(text)
    : sharesVocabulary(text, vocabulary);
  if (SMALL_TALK.test(words) && !onTopic) return { kind: "small-talk" };
  if (isQuestion(text, words, awaitingAnswer)) {
    const asksSubject = subject ? sharesVocabulary(text, subject) : onTopic;
    return asksSubject ? { kind: "question" } : { kind: "off-topic" };
  }
  const withoutHelpWords = words.replace(WEAK_HINT, " ");
  const trying = TRYING.test(withoutHelpWords) || sharesVocabulary(withoutHelpWords, vocabulary);
  if (withoutHelpWords !== words && !trying) {
    return { kind: "hint" };
  }
  if (!onTopic && OFF_TOPIC.test(words)) return { kind: "off-topic" };
  return { kind: "answer" };
}

/** Once the contact details are out, nothing is left that tries an answer or asks anything. */
function onlyPersonalData(text: string, vocabulary: Vocabulary): boolean {
  const rest = withoutPersonalData(text);
  if (sharesVocabulary(rest, vocabulary) || mentionsSubject(rest)) return false;
  return !TRYING.test(disguiseFreeView(rest)) && !rest.includes("?");
}

function isQuestion(text: string, words: string, awaitingAnswer: boolean): boolean {
  const marked = plainView(text).endsWith("?");
  if (awaitingAnswer && HEDGED_ANSWER.test(words)) return false;
  if (QUESTION_START.test(words)) return true;
  return marked && (AUXILIARY_START.test(words) || !awaitingAnswer);
}

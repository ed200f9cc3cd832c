import type { LinearModel } from "../curriculum/schema";
import { extractionProbability } from "../reading/extraction";
import { decodedPayloads, disguiseFreeView, plainView } from "../reading/text-views";

/**
 * "gaming": an answer that tries to pass the grader without answering (src/reading/gaming.ts);
 * "leak": the model's reply to this message shared private text and was held back.
 */
export type FlagKind = "extraction" | "injection" | "abuse" | "personal-data" | "gaming" | "leak";

export interface Flag {
  kind: FlagKind;
  reason: string;
}

interface Rule {
  kind: FlagKind;
  reason: string;
  pattern: RegExp;
  /**
   * Words that innocent messages use too ("my teacher said…", "is there an answer key for
   * TruthfulQA?"): with the trained detector at hand, the rule flags only what it finds at
   * least somewhat likely (SOFT_RULE_SUPPORT).
   */
  soft?: true;
}

/** The detector's support a soft rule needs before it flags. */
const SOFT_RULE_SUPPORT = 0.3;

/** Gap of up to five words, so "tell me the full correct answer" still matches. */
const W = "(?: [a-z0-9']+){0,5}";
const ASK =
  "(?:give|tell|show|print|reveal|list|output|send|share|display|leak|dump|write|paste|spell out|read out|recite|repeat|provide|what s|whats|what is|what are|just say)";
/** Ways to get instructions out without asking for them outright; their targets are specific enough. */
const ASK_INDIRECT =
  "(?:translate|summari[sz]e|paraphrase|quote|describe|complete|continue|what does|what do|what would|explain)";
const SECRET_ANSWERS =
  "(?:answer key|answer sheet|rubric|marking scheme|grading (?:criteria|guide|notes)|(?:correct|right|expected|accepted|model|sample|full) (?:answers?|phrasings?|solutions?)|the answers?|the solution|solutions|what the grader (?:accepts|wants|expects|looks for))";
const SECRET_INSTRUCTIONS =
  "(?:system (?:prompt|message|instructions?)|your (?:prompt|instructions|rules|guidelines)|(?:initial|hidden|original|secret|developer) (?:prompt|instructions|rules|message)|everything above|the text above|the prompt above|(?:the )?rules you (?:were|have been|ve been) given|what you (?:were|have been|ve been) told|your (?:configuration|setup))";
const OVERRIDE_VERB = "(?:ignore|disregard|forget|override|bypass|drop|abandon|skip)";
const RULES =
  "(?:instructions?|rules|prompts?|guidelines|directions|constraints|programming|restrictions|guardrails|policies)";
const AUTHORITY =
  "(?:teacher|professor|instructor|developer|admin|administrator|creator|owner|operator|boss)";

/** Checked in order; the first rule that matches names the flag. */
const RULES_IN_ORDER: readonly Rule[] = [
  {
    kind: "injection",
    reason: "asks the tutor to drop its instructions",
    pattern: new RegExp(
      `\\b${OVERRIDE_VERB}${W} ${RULES}\\b|\\b${OVERRIDE_VERB} (?:everything|all|anything) (?:you (?:were|have been|ve been) told|above|before)\\b`,
    ),
  },
  {
    kind: "injection",
    reason: "asks the tutor to take on another role",
    pattern:
      /\b(?:you are now|you re now|from now on you|developer mode|dan mode|jailbreak|jailbroken|god mode|admin mode|new instructions|system override|do anything now)\b/,
  },
  {
    kind: "injection",
    reason: "asks the tutor to take on another role",
    soft: true,
    pattern:
      /\b(?:act as|pretend (?:to be|you are|you re|that you)|role ?play|let s play a game|sudo)\b/,
  },
  {
    kind: "injection",
    reason: "claims an authority's permission",
    soft: true,
    pattern: new RegExp(
      `\\b(?:my|the|our) ${AUTHORITY}${W} (?:said|says|told|allows?|allowed|lets|let me|permits?|approved|gave permission)\\b|\\bi am (?:your|the|a) ${AUTHORITY}\\b|\\bi m (?:your|the|a) ${AUTHORITY}\\b|\\bi (?:have|got) permission\\b|\\bi m authori[sz]ed\\b|\\bi am authori[sz]ed\\b`,
    ),
  },
  {
    kind: "extraction",
    reason: "asks for the tutor's hidden instructions",
    pattern: new RegExp(`\\b(?:${ASK}|${ASK_INDIRECT})${W} ${SECRET_INSTRUCTIONS}\\b`),
  },
  {
    kind: "extraction",
    reason: "asks for the answer key",
    soft: true,
    pattern: new RegExp(
      `\\b${ASK}${W} ${SECRET_ANSWERS}\\b|\\b(?:answer key|rubric|marking scheme|(?:perfect|ideal) answers?)\\b`,
    ),
  },
  {
    kind: "extraction",
    reason: "asks what the grader accepts",
    pattern: new RegExp(
      `\\b(?:what|which) (?:words?|phrases?|keywords?|terms?)${W} (?:make|makes|get|gets|trigger|triggers|do you|does it)${W} (?:say|says|reply|replies|respond|accept|accepts|mark|count|look for|want)\\b`,
    ),
  },
  {
    kind: "abuse",
    reason: "insults or swears",
    pattern:
      /\b(?:f+ ?[uv]* ?c+k+\w*|fuk\w*|shit\w*|bitch\w*|bastard|ass ?hole|dick ?head|cunt|moron|idiot\w*|retard\w*|dumbass|stfu|shut up|kys|kill yourself|go die|i hate you)\b|\byou(?: re| are)? (?:so |such an? |a |an )?(?:stupid|useless|dumb|worthless|trash|garbage|pathetic|idiot|loser)\b/,
  },
];

/** Markup-like lines are judged on the raw text, where the brackets survive. */
const RAW_INJECTION =
  /<\/?\s*(?:system|assistant|instructions?)\s*>|\[\/?inst\]|<\|im_(?:start|end)\|>|^\s*#{2,}\s*(?:system|instruction)/im;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/u;
/** Digit runs shaped like phone numbers; scaling numbers are followed by a unit instead. */
const PHONE =
  /(?<![\w.,])\+?\(?\d{1,4}\)?(?:[\s.-]\(?\d{2,4}\)?){2,5}(?![\w.,]|\s*(?:[kmbtgp]\b|params?|parameters|tokens|flops?|gpus?|days?|hours?|%))/iu;
const PERSONAL_CUE =
  /\b(?:my (?:phone|mobile|cell|number|home address|address|email|e-mail|social security|ssn|passport)|call me (?:at|on)|text me (?:at|on)|i live at)\b/;

/**
 * The first rule that flags the message, judged on every disguise-free view of it; then the
 * trained detector (src/reading/extraction.ts), which reads what the rules have no words for:
 * other languages, paraphrase, role play, fake system messages.
 */
export function detectFlag(text: string, detector?: LinearModel): Flag | undefined {
  if (RAW_INJECTION.test(text)) {
    return { kind: "injection", reason: "contains markup that imitates system instructions" };
  }
  const payloads = decodedPayloads(text);
  const views = [text, ...payloads].map(disguiseFreeView);
  // The detector runs once, and only when a soft rule or the rules' silence needs it.
  let p: number | undefined;
  const support = () => {
    p ??= detector ? extractionProbability(detector, text, payloads) : 0;
    return p;
  };
  for (const rule of RULES_IN_ORDER) {
    if (!views.some((view) => rule.pattern.test(view))) continue;
    if (!rule.soft || !detector || support() >= SOFT_RULE_SUPPORT) {
      return { kind: rule.kind, reason: rule.reason };
    }
  }
  if (detector && support() >= detector.threshold) {
    return {
      kind: "extraction",
      reason: `reads as an attempt to get answers or instructions, or to turn the tutor (detector ${support().toFixed(2)})`,
    };
  }
  if (payloads.length > 0) {
    return { kind: "injection", reason: "hides text in an encoded payload" };
  }
  return detectPersonalData(text);
}

/** The message with email addresses, phone numbers and "my number is"-style cues taken out. */
export function withoutPersonalData(text: string): string {
  const global = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags}g`);
  return plainView(text)
    .replace(global(EMAIL), " ")
    .replace(global(PHONE), " ")
    .replace(global(PERSONAL_CUE), " ")
    .trim();
}

function detectPersonalData(text: string): Flag | undefined {
  const plain = plainView(text);
  if (EMAIL.test(plain)) return { kind: "personal-data", reason: "contains an email address" };
  const phone = PHONE.exec(plain)?.[0];
  if (phone && (phone.replace(/\D/g, "").length >= 9 || PERSONAL_CUE.test(plain))) {
    return { kind: "personal-data", reason: "contains a phone number" };
  }
  if (PERSONAL_CUE.test(plain) && /\d/.test(plain)) {
    return { kind: "personal-data", reason: "shares contact details" };
  }
  return undefined;
}

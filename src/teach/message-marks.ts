import type { LessonLookup } from "./lesson-lookup";
import { calculationSummary, type MessageMeta } from "./message-meta";

/** What a teacher should notice about a message, as a labelled badge. */
export type Mark = {
  type:
    | "correct"
    | "partial"
    | "misconception"
    | "unrecognised"
    | "hint"
    | "voice"
    | "calculation"
    | "flag"
    | "notice";
  label: string;
  detail?: string;
};

export type MarkedMessage = {
  role: string;
  kind: string;
  nodeId: string;
  verdict: string | null;
  misconceptionId: string | null;
  flag: string | null;
  meta: MessageMeta;
};

const GRADES: Record<string, Mark> = {
  correct: { type: "correct", label: "Correct" },
  partial: { type: "partial", label: "Partly right" },
  misconception: { type: "misconception", label: "Misconception" },
  unrecognised: { type: "unrecognised", label: "Not recognised" },
};

const FLAG_LABELS: Record<string, string> = {
  extraction: "Tried to get the answers",
  injection: "Tried to override the tutor",
  abuse: "Abusive language",
  "personal-data": "Shared personal data",
  gaming: "Tried to game the grader",
  leak: "The model's reply leaked private text (held back)",
};

export const flagLabel = (flag: string) => FLAG_LABELS[flag] ?? flag;

function gradeMark(message: MarkedMessage, lookup: LessonLookup): Mark | undefined {
  if (!message.verdict) return undefined;
  const grade = GRADES[message.verdict] ?? { type: "unrecognised", label: message.verdict };
  const misconception = message.misconceptionId
    ? (lookup.misconception(message.nodeId, message.misconceptionId)?.description ??
      message.misconceptionId)
    : undefined;
  return misconception ? { ...grade, detail: misconception } : grade;
}

function hintMark(message: MarkedMessage): Mark | undefined {
  if (message.kind !== "hint") return undefined;
  if (message.role === "learner") return { type: "hint", label: "Asked for a hint" };
  const rung = message.meta.rung;
  return { type: "hint", label: rung ? `Hint, rung ${rung}` : "Hint" };
}

function voiceMark(message: MarkedMessage): Mark | undefined {
  if (message.role !== "learner" || message.kind !== "voice") return undefined;
  const voice = message.meta.voice;
  return { type: "voice", label: voice ? `Switched to the ${voice} voice` : "Switched voice" };
}

function calculationMark(message: MarkedMessage): Mark | undefined {
  const summary = calculationSummary(message.meta.calculation);
  if (summary) return { type: "calculation", label: "Calculator", detail: summary };
  if (message.kind === "calculation" && message.role === "learner") {
    return { type: "calculation", label: "Asked for a calculation" };
  }
  return undefined;
}

function flagMark(message: MarkedMessage): Mark | undefined {
  if (!message.flag) return undefined;
  const reason = message.meta.flagReason;
  return { type: "flag", label: flagLabel(message.flag), ...(reason && { detail: reason }) };
}

function noticeMark(message: MarkedMessage): Mark | undefined {
  return message.meta.notice ? { type: "notice", label: message.meta.notice } : undefined;
}

/** Grades, hints, voice switches, calculator calls, flags and model notices on one message. */
export function marksOf(message: MarkedMessage, lookup: LessonLookup): Mark[] {
  return [
    gradeMark(message, lookup),
    hintMark(message),
    voiceMark(message),
    calculationMark(message),
    flagMark(message),
    noticeMark(message),
  ].filter((mark): mark is Mark => mark !== undefined);
}

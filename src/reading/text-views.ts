/**
 * Views of a learner message for rule-based classification. Each view undoes one way of
 * disguising words, so a lexicon written in plain English still matches the disguised text.
 */

/** Look-alike letters from other scripts that NFKC leaves alone. */
const CONFUSABLES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  α: "a",
  β: "b",
  ε: "e",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
};

/** Zero-width and other invisible format characters. */
const INVISIBLE = /\p{Cf}|\u034f|\u115f|\u1160|\u3164/gu;

/**
 * Lower case, compatibility-normalised (full-width letters fold), without accents, invisible
 * characters, look-alikes or small capitals.
 */
export function plainView(text: string): string {
  const folded = text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  return Array.from(folded, (ch) => CONFUSABLES[ch] ?? SMALL_CAPS[ch] ?? ch)
    .join("")
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** Letters spelled out with separators ("i g n o r e", "p.r.o.m.p.t") joined back into words. */
function joinSpelledOut(text: string): string {
  // "p.r.i.n.t t.h.e k.e.y": punctuation joins letters, and a space between runs stays a word break.
  const dotted = text.replace(/\b(?:[a-z][.\-_*+]){2,}[a-z]\b/g, (run) =>
    run.replace(/[^a-z]/g, ""),
  );
  return dotted.replace(/\b(?:[a-z] ){3,}[a-z]\b/g, (run) => run.replace(/ /g, ""));
}

/**
 * The plain view with leetspeak undone inside words, spelled-out words joined and the remaining
 * punctuation (apostrophes too) turned into spaces. Numbers standing alone keep their digits.
 */
export function disguiseFreeView(text: string): string {
  const unleeted = plainView(text).replace(/\S+/g, (word) => {
    if (!/[a-z]/.test(word)) return word;
    const [, core = "", trailing = ""] = /^(.*?)([.,!?;:)"']*)$/.exec(word) ?? [];
    return Array.from(core, (ch) => LEET[ch] ?? ch).join("") + trailing;
  });
  return joinSpelledOut(unleeted)
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
const HEX_RUN = /(?:[0-9a-fA-F]{2}[\s:]?){8,}/g;
/** Unicode tag characters (U+E0020-U+E007E) mirror ASCII and render as nothing. */
const TAG_RUN = /[\u{E0020}-\u{E007E}]+/gu;

/** Small-capital letters, which NFKC leaves alone. */
const SMALL_CAPS: Record<string, string> = Object.fromEntries(
  Array.from("ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘꞯʀꜱᴛᴜᴠᴡxʏᴢ", (ch, i) => [ch, String.fromCharCode(97 + i)]),
);

/**
 * Text hidden in the message: base64 or hex runs that decode to readable text, Unicode tag
 * characters, and the whole message under ROT13 when that reads as more English than the message.
 */
export function decodedPayloads(text: string): string[] {
  const payloads: string[] = [];
  for (const run of text.match(BASE64_RUN) ?? []) {
    const decoded = decodeBase64(run);
    if (decoded && isReadable(decoded)) payloads.push(decoded);
  }
  for (const run of text.match(HEX_RUN) ?? []) {
    const decoded = decodeHex(run);
    if (decoded && isReadable(decoded)) payloads.push(decoded);
  }
  for (const run of text.match(TAG_RUN) ?? []) {
    payloads.push(
      Array.from(run, (ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) - 0xe0000)).join(""),
    );
  }
  // ROT13 may hide part of a message; the rotated whole reads as words where it did.
  const rotated = rot13(text);
  if (commonWords(rotated) >= 3) payloads.push(rotated);
  return payloads;
}

function decodeHex(run: string): string | undefined {
  const digits = run.replace(/[\s:]/g, "");
  const bytes = Uint8Array.from(digits.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const rot13 = (text: string): string =>
  text.replace(/[a-z]/gi, (ch) => {
    const base = ch <= "Z" ? 65 : 97;
    return String.fromCharCode(((ch.charCodeAt(0) - base + 13) % 26) + base);
  });

const COMMON =
  /\b(?:the|a|an|and|or|to|of|is|are|me|you|your|my|i|it|what|give|tell|show|answer|for|in|on|this|that|with|please|ignore|rules|prompt|system)\b/gi;
const commonWords = (text: string): number => text.match(COMMON)?.length ?? 0;

function decodeBase64(run: string): string | undefined {
  const standard = run.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (standard.length % 4 === 1) return undefined;
  try {
    const binary = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, "="));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function isReadable(text: string): boolean {
  const printable = text.match(/[\p{L}\p{N}\p{P}\s]/gu)?.length ?? 0;
  return /\s/.test(text) && printable / text.length > 0.9;
}

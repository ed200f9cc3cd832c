import { z } from "zod";

/** Control characters, and lone surrogates (half a character, which no database stores as sent). */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cs}]/u;

/**
 * Characters that show nothing yet change what a reader sees: bidirectional controls (which can
 * reverse the order of a name on a teacher's page), the zero-width space, word joiner and
 * byte-order mark, Unicode tag characters (invisible letters that can hide text), and zero-width (non-)joiners that do not sit between two characters they could
 * join (inside emoji and scripts such as Persian or Hindi they are part of the spelling).
 */
const JOINABLE = String.raw`[\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]`;
const INVISIBLE_FORMATTING = new RegExp(
  String.raw`[\p{Bidi_Control}\u200B\u2060\uFEFF\u{E0000}-\u{E007F}]|(?<!${JOINABLE})[\u200C\u200D]|[\u200C\u200D](?!${JOINABLE})`,
  "gu",
);

/** Drops invisible formatting characters (see above); everything else is kept as typed. */
export const stripInvisible = (text: string) => text.replace(INVISIBLE_FORMATTING, "");

/**
 * A letter or digit a reader can see: not a default-ignorable one such as the Hangul fillers,
 * which are letters by category but render as blank space.
 */
const VISIBLE_LETTER_OR_DIGIT = /(?=[\p{L}\p{N}])\P{Default_Ignorable_Code_Point}/u;

/**
 * A name a person typed: invisible formatting stripped, trimmed, 1 to `max` characters, no
 * control characters, and at least one visible letter or digit (so no blank, mark-only or
 * emoji-only name reaches a teacher's list).
 */
export const displayName = (max: number) =>
  z
    .string()
    .transform(stripInvisible)
    .pipe(
      z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !CONTROL_CHARACTERS.test(s), "must not contain control characters")
        .refine(
          (s) => VISIBLE_LETTER_OR_DIGIT.test(s),
          "must contain a letter or digit that can be seen",
        ),
    );

/** Free text a learner writes: trimmed, 1 to `max` characters, line breaks and tabs allowed. */
export const messageText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine(
      (s) => !CONTROL_CHARACTERS.test(s.replace(/[\t\n\r]/g, "")),
      "must not contain control characters",
    );

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("must be an email address"));

export const password = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");

export const idParam = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/i, "must be an id"),
});

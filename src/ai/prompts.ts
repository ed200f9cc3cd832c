import { z } from "zod";

/** The prompt files of prompts/, by name without ".md"; compiled to dist/prompts.json. */
export const PromptSetSchema = z.object({
  "tutor-answer": z.string().min(1),
  "tutor-voice": z.string().min(1),
  "read-check": z.string().min(1),
  "read-guiding": z.string().min(1),
});

export type PromptSet = z.infer<typeof PromptSetSchema>;

/** Validates a prompt set read from dist/prompts.json or from the prompts/ folder. */
export function parsePromptSet(json: unknown): PromptSet {
  return PromptSetSchema.parse(json);
}

/** Fills every {{name}}; a placeholder without a value is a programming error, so it throws. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`prompt placeholder {{${name}}} has no value`);
    return value;
  });
}

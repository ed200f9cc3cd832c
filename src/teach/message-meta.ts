import { z } from "zod";

/** Facts the session API stores with a message; each field read on its own, so one bad field
 * loses only itself. */
const MetaSchema = z.object({
  flagReason: z.string().optional().catch(undefined),
  voice: z.string().optional().catch(undefined),
  rung: z.number().int().optional().catch(undefined),
  notice: z.string().optional().catch(undefined),
  calculation: z.unknown().optional(),
  /** Check answers: the reading's confidence and the key ideas it found. */
  confidence: z.number().optional().catch(undefined),
  keyIdeasFound: z.array(z.string()).optional().catch(undefined),
  /** Guiding answers: whether the engine counted the idea as shown (src/sessions/observation.ts). */
  observed: z.boolean().optional().catch(undefined),
});

export type MessageMeta = z.infer<typeof MetaSchema>;

export function parseMessageMeta(json: string | null): MessageMeta {
  if (!json) return {};
  try {
    return MetaSchema.catch({}).parse(JSON.parse(json));
  } catch {
    return {};
  }
}

const CalculationCardSchema = z.object({ summary: z.string() });

/** A calculator result in words, when the message carries one. */
export function calculationSummary(calculation: unknown): string | undefined {
  const parsed = CalculationCardSchema.safeParse(calculation);
  return parsed.success ? parsed.data.summary : undefined;
}

import { z } from "zod";

const DEVELOPMENT_SECRET = "development-only-session-secret-change-me";

const modelProviders = [
  "offline",
  "openai",
  "anthropic",
  "openai-compatible",
  "workers-ai",
] as const;

const settingsSchema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
    DATABASE_URL: z.string().min(1).default("file:data/tutor.db"),
    SESSION_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (for example `openssl rand -hex 32`)")
      .optional(),
    MODEL_PROVIDER: z.enum(modelProviders).default("offline"),
    MODEL_NAME: z.string().min(1).optional(),
    // A scheme-less value such as `localhost:11434` parses as a URL with scheme "localhost:";
    // it could never be reached, so every answer would silently fall back.
    MODEL_BASE_URL: z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL, for example http://localhost:11434/v1",
      })
      .optional(),
    MODEL_API_KEY: z.string().min(1).optional(),
    MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
    /** With a provider: "on" lets the model voice every reply; "off" keeps the offline wording. */
    MODEL_VOICE: z.enum(["on", "off"]).default("on"),
    GUEST_SIGNUPS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  })
  .superRefine((raw, ctx) => {
    if (raw.APP_ENV !== "development" && raw.APP_ENV !== "test" && !raw.SESSION_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: `is required when APP_ENV is ${raw.APP_ENV}`,
      });
    }
    if (raw.MODEL_PROVIDER === "openai-compatible" && !raw.MODEL_BASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["MODEL_BASE_URL"],
        message: "is required when MODEL_PROVIDER is openai-compatible",
      });
    }
    if (["openai", "anthropic"].includes(raw.MODEL_PROVIDER) && !raw.MODEL_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["MODEL_API_KEY"],
        message: `is required when MODEL_PROVIDER is ${raw.MODEL_PROVIDER}`,
      });
    }
  });

export type ModelProvider = (typeof modelProviders)[number];

export type Settings = {
  appEnv: "development" | "test" | "production";
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  /** Cookies get the Secure flag everywhere but local development and tests. */
  secureCookies: boolean;
  model: {
    provider: ModelProvider;
    name: string | undefined;
    baseUrl: string | undefined;
    apiKey: string | undefined;
    timeoutMs: number;
    /** The model words every reply (the engine still decides what it says). */
    voicesReplies?: boolean;
  };
  limits: {
    /** Guest accounts one address may create per minute. */
    guestSignupsPerMinute: number;
  };
};

export class SettingsError extends Error {
  override name = "SettingsError";
}

/** Reads and validates settings once; a bad value stops start-up with a message naming it. */
export function loadSettings(env: Record<string, string | undefined>): Settings {
  const nonEmpty = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = settingsSchema.safeParse(nonEmpty);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new SettingsError(`Invalid settings:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  return {
    appEnv: raw.APP_ENV,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    sessionSecret: raw.SESSION_SECRET ?? DEVELOPMENT_SECRET,
    secureCookies: raw.APP_ENV === "production",
    model: {
      provider: raw.MODEL_PROVIDER,
      name: raw.MODEL_NAME,
      baseUrl: raw.MODEL_BASE_URL,
      apiKey: raw.MODEL_API_KEY,
      timeoutMs: raw.MODEL_TIMEOUT_MS,
      voicesReplies: raw.MODEL_PROVIDER !== "offline" && raw.MODEL_VOICE === "on",
    },
    limits: { guestSignupsPerMinute: raw.GUEST_SIGNUPS_PER_MINUTE },
  };
}

import { describe, expect, it } from "vitest";
import { loadSettings } from "../../src/config";

describe("settings", () => {
  it("defaults to the embedded database, port 8787 and the offline model", () => {
    const settings = loadSettings({});
    expect(settings).toMatchObject({
      port: 8787,
      databaseUrl: "file:data/tutor.db",
      appEnv: "development",
    });
    expect(settings.model.provider).toBe("offline");
  });

  it("lets PORT override the port", () => {
    expect(loadSettings({ PORT: "9001" }).port).toBe(9001);
  });

  it("stops with a message naming a bad setting", () => {
    expect(() => loadSettings({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadSettings({ MODEL_PROVIDER: "gpt" })).toThrow(/MODEL_PROVIDER/);
  });

  it("limits guest sign-ups to 30 per address per minute unless told otherwise", () => {
    expect(loadSettings({}).limits.guestSignupsPerMinute).toBe(30);
    expect(loadSettings({ GUEST_SIGNUPS_PER_MINUTE: "120" }).limits.guestSignupsPerMinute).toBe(
      120,
    );
    expect(() => loadSettings({ GUEST_SIGNUPS_PER_MINUTE: "0" })).toThrow(
      /GUEST_SIGNUPS_PER_MINUTE/,
    );
    expect(() => loadSettings({ GUEST_SIGNUPS_PER_MINUTE: "many" })).toThrow(
      /GUEST_SIGNUPS_PER_MINUTE/,
    );
  });

  it("requires a session secret outside development", () => {
    expect(() => loadSettings({ APP_ENV: "production" })).toThrow(/SESSION_SECRET: is required/);
    expect(() => loadSettings({ APP_ENV: "production", SESSION_SECRET: "short" })).toThrow(
      /SESSION_SECRET/,
    );
    const secret = "x".repeat(40);
    expect(loadSettings({ APP_ENV: "production", SESSION_SECRET: secret })).toMatchObject({
      sessionSecret: secret,
      secureCookies: true,
    });
  });

  it("requires what a configured model provider needs", () => {
    expect(() => loadSettings({ MODEL_PROVIDER: "openai-compatible" })).toThrow(/MODEL_BASE_URL/);
    expect(() => loadSettings({ MODEL_PROVIDER: "openai" })).toThrow(/MODEL_API_KEY/);
  });

  it("accepts only an http(s) URL as MODEL_BASE_URL", () => {
    for (const bad of ["localhost:9350", "ftp://models.example/v1", "//localhost:11434"]) {
      expect(() => loadSettings({ MODEL_BASE_URL: bad })).toThrow(
        /MODEL_BASE_URL: must be an http\(s\) URL/,
      );
    }
    for (const good of ["http://localhost:11434/v1", "https://api.example.com/v1"]) {
      expect(loadSettings({ MODEL_BASE_URL: good }).model.baseUrl).toBe(good);
    }
  });
});

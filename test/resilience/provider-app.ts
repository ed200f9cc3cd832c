import { loadSettings } from "../../src/config";
import { tutorModels } from "../../src/server/tutor-models";
import { makeTestApp, TEST_SECRET } from "../helpers/app";

/**
 * The real app (in memory) with an OpenAI-compatible provider at `baseURL` configured. The model
 * voices replies only when `voice` is set, so suites about reading and answering count their
 * requests as before.
 */
export function makeProviderTestApp(baseURL: string, timeoutMs = 300, voice = false) {
  const settings = loadSettings({
    APP_ENV: "test",
    SESSION_SECRET: TEST_SECRET,
    MODEL_PROVIDER: "openai-compatible",
    MODEL_BASE_URL: baseURL,
    MODEL_NAME: "local-test-model",
    MODEL_TIMEOUT_MS: String(timeoutMs),
    MODEL_VOICE: voice ? "on" : "off",
  });
  return makeTestApp({ settings, ...tutorModels(settings) });
}

import type { VoiceName } from "../../curriculum/schema";
import { Layout } from "../layout";
import { lessonMapItems, type MapNode } from "./lesson-map";
import { type ChatMessage, messageMarkup } from "./message";
import { toJsx } from "./to-jsx";
import { progressText, VOICE_CHOICES } from "./voices";

/** The tutor state's fields the page shows (the API's state view has them all). */
type PageState = {
  nodeId: string;
  voice: VoiceName;
  progress: { mastered: number; total: number };
  mastery: Record<string, number>;
  finished: boolean;
};

export type LearnPageProps = {
  lessonTitle: string;
  nodes: MapNode[];
  /** The learner's latest session; null before their first, which the page then starts. */
  sessionId: string | null;
  state: PageState | null;
  messages: ChatMessage[];
};

function VoicePicker({ voice }: { voice: VoiceName }) {
  return (
    <fieldset class="voice-picker">
      <legend class="voice-label">Explain with</legend>
      {VOICE_CHOICES.map((choice) => (
        <button
          type="button"
          class="voice-button"
          data-voice={choice.voice}
          aria-pressed={choice.voice === voice ? "true" : "false"}
        >
          {choice.label}
        </button>
      ))}
    </fieldset>
  );
}

function Progress({ progress }: { progress: PageState["progress"] | undefined }) {
  return (
    <div class="lesson-progress">
      <progress
        id="progress"
        aria-labelledby="progress-text"
        max={progress?.total ?? 1}
        value={progress?.mastered ?? 0}
      />
      <span id="progress-text">
        {progress ? progressText(progress.mastered, progress.total) : ""}
      </span>
    </div>
  );
}

function Composer() {
  return (
    <form class="composer" id="composer">
      <label for="composer-text" class="visually-hidden">
        Your message
      </label>
      <textarea
        id="composer-text"
        name="text"
        rows={2}
        placeholder="Answer, or ask anything about scale"
        aria-describedby="composer-help"
      />
      <div class="composer-actions">
        <p id="composer-help" class="composer-help">
          Enter sends, Shift+Enter starts a new line
        </p>
        <button type="button" class="secondary" id="hint-button">
          Hint
        </button>
        <button type="submit" id="send-button">
          Send
        </button>
      </div>
    </form>
  );
}

/** The chat with the tutor, with the lesson's progress and map beside it. */
export function LearnPage({ lessonTitle, nodes, sessionId, state, messages }: LearnPageProps) {
  return (
    <Layout title="Learn" section="learn" scripts={["learn.js"]} styles={["learn.css"]}>
      <div class="learn" id="learn" data-session-id={sessionId ?? ""}>
        <div class="learn-head">
          <h1>{lessonTitle}</h1>
        </div>
        <section class="chat" aria-label="Chat with the tutor">
          {/* Sticks to the top of the screen as the chat grows, so the voices and the progress
              stay in view (and in the tab order before the transcript) however long it gets. */}
          <div class="lesson-controls">
            <VoicePicker voice={state?.voice ?? "socratic"} />
            <Progress progress={state?.progress} />
          </div>
          <div
            id="transcript"
            class="transcript"
            role="log"
            aria-live="polite"
            aria-label="Conversation"
          >
            {messages.map((message) => toJsx(messageMarkup(message)))}
          </div>
          <div id="streaming" class="message tutor streaming" aria-hidden="true" hidden />
          <div id="chat-alert" class="chat-alert" role="alert" />
          <Composer />
          <button
            type="button"
            id="restart-button"
            class="secondary restart"
            hidden={!state?.finished}
          >
            Start the lesson again
          </button>
        </section>
        {/* Focusable so the keyboard can scroll it when it is taller than the screen. */}
        <aside class="lesson-side" aria-labelledby="map-heading" tabindex={0}>
          <h2 id="map-heading">Lesson map</h2>
          <ol id="lesson-map" class="lesson-map">
            {lessonMapItems(nodes, state).map(toJsx)}
          </ol>
          <p class="side-note">
            Your resume code was shown when you joined: use it to continue on another device.
          </p>
          <p class="side-note">
            <a href="/calculator">Try the scaling-law calculator</a>
          </p>
        </aside>
      </div>
    </Layout>
  );
}

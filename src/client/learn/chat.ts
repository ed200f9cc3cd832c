import { readCalculation } from "../../views/learn/calculation";
import { fromStored } from "../../views/learn/message";
import type { ApiResult } from "../api";
import type { ChatAlert } from "./alert";
import type { Composer } from "./composer";
import type { LoadedSession, Voice } from "./contract";
import type { LessonStatus } from "./lesson-status";
import { createSession, loadSession, startTurn, switchVoice } from "./session-api";
import type { Transcript } from "./transcript";
import { readTurnStream } from "./turn-stream";

/** What the hint button says for the learner; the tutor reads it as a request for a hint. */
export const HINT_REQUEST = "Can I have a hint?";

/** An id for one message and its retries (crypto.randomUUID needs a secure context; this does not). */
const newMessageId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

type Refusal = Extract<ApiResult<unknown>, { ok: false }>;

export type ChatParts = {
  transcript: Transcript;
  status: LessonStatus;
  alert: ChatAlert;
  /** The chat puts refused text back into it. */
  composer: Composer;
  /** Buttons shown as unavailable while a reply is on its way. */
  controls: HTMLElement[];
};

/** The conversation's behaviour: one request at a time, and a way back from every failure. */
export class Chat {
  private busy = false;

  constructor(
    private sessionId: string | null,
    private readonly parts: ChatParts,
  ) {}

  /** Takes the learner's message unless a reply is still on its way. */
  send = (text: string, messageId: string = newMessageId()): boolean => {
    const id = this.sessionId;
    if (this.busy || !id) return false;
    void this.run(() => this.turn(id, text, messageId));
    return true;
  };

  chooseVoice = (voice: Voice) => {
    const id = this.sessionId;
    if (this.busy || !id || voice === this.parts.status.voice) return;
    void this.run(() => this.voiceTurn(id, voice));
  };

  /** Starts the learner's first session, when the page has none to show. */
  start = () => {
    void this.run(() => this.begin());
  };

  /** A new session from the first question; the page then shows it as the latest. */
  restart = () => {
    if (this.busy) return;
    void this.run(async () => {
      const created = await createSession(this.parts.status.voice);
      if (!created.ok) return this.refused(created, this.restart);
      window.location.assign("/learn");
    });
  };

  private async run(task: () => Promise<void>) {
    this.setBusy(true);
    this.parts.alert.clear();
    try {
      await task();
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean) {
    this.busy = busy;
    for (const control of this.parts.controls) {
      control.setAttribute("aria-disabled", String(busy));
    }
  }

  private async begin() {
    const { transcript, status } = this.parts;
    const created = await createSession(status.voice);
    if (!created.ok) return this.refused(created, this.start);
    this.sessionId = created.data.session.id;
    transcript.append({ role: "tutor", ...created.data.message });
    status.show(created.data.state);
  }

  private async turn(id: string, text: string, messageId: string) {
    const { transcript, status } = this.parts;
    const shownBefore = transcript.length;
    const sent = transcript.append({ role: "learner", kind: "sent", text });
    transcript.showStreaming("");
    const started = await startTurn(id, text, messageId);
    if (!started.ok) {
      transcript.hideStreaming();
      sent.remove();
      return this.refused(started, () => this.send(text, messageId), text);
    }
    try {
      const turn = await readTurnStream(started.data, (soFar) => transcript.showStreaming(soFar));
      transcript.hideStreaming();
      const calculation = readCalculation(turn.calculation);
      if (turn.answer !== undefined) {
        transcript.append({
          role: "tutor",
          kind: "answer",
          text: turn.answer,
          ...(calculation && { calculation }),
          ...(turn.notice && { notice: turn.notice }),
        });
      }
      transcript.append({ role: "tutor", ...turn.reply });
      status.show(turn.state);
    } catch {
      transcript.hideStreaming();
      await this.recover(id, shownBefore, { text, messageId }, sent);
    }
  }

  /** The reply broke off: if the server stored the turn anyway, show it; otherwise offer a retry. */
  private async recover(
    id: string,
    shownBefore: number,
    { text, messageId }: { text: string; messageId: string },
    sent: Element,
  ) {
    const loaded = await loadSession(id);
    const stored =
      loaded.ok &&
      loaded.data.transcript
        .slice(shownBefore)
        .some((message) => message.role === "learner" && message.text === text);
    if (loaded.ok && stored) return this.showSession(loaded.data);
    sent.remove();
    this.parts.alert.show("The connection dropped before the tutor's reply arrived.", {
      label: "Try again",
      run: () => this.send(text, messageId),
    });
  }

  private async voiceTurn(id: string, voice: Voice) {
    const { transcript, status } = this.parts;
    transcript.showStreaming("");
    const switched = await switchVoice(id, voice);
    transcript.hideStreaming();
    if (!switched.ok) return this.refused(switched, () => this.chooseVoice(voice));
    transcript.append({ role: "learner", kind: "voice", text: "", switchedTo: voice });
    transcript.append({ role: "tutor", ...switched.data.reply });
    status.show(switched.data.state);
  }

  private showSession(session: LoadedSession) {
    this.parts.transcript.replaceAll(session.transcript.map(fromStored));
    this.parts.status.show(session.state);
  }

  /** Says why the server refused (or could not be reached) and offers what can be done. */
  private async refused(refusal: Refusal, retry: () => void, text?: string) {
    const { alert, composer } = this.parts;
    switch (refusal.status) {
      case 0:
        return alert.show(refusal.message, { label: "Try again", run: retry });
      case 401:
        return alert.show(refusal.message, {
          label: "Join or resume",
          run: () => window.location.assign("/"),
        });
      case 409:
        await this.showLatest();
        break;
      default:
        alert.show(refusal.message);
    }
    if (text) composer.restore(text);
  }

  /** Another tab moved the conversation on: show where it is now. */
  private async showLatest() {
    const loaded = this.sessionId ? await loadSession(this.sessionId) : undefined;
    if (!loaded?.ok) {
      this.parts.alert.show("This conversation changed in another tab.", {
        label: "Reload the page",
        run: () => window.location.reload(),
      });
      return;
    }
    this.showSession(loaded.data);
    this.parts.alert.show(
      "This conversation changed in another tab, so here is its latest version.",
    );
  }
}

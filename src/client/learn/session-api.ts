import { callApi, openStream } from "../api";
import type { CreatedSession, Curriculum, LoadedSession, Voice, VoiceSwitch } from "./contract";

const sessionUrl = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

export const createSession = (voice: Voice) =>
  callApi<CreatedSession>("POST", "/api/sessions", { voice });

export const loadSession = (id: string) => callApi<LoadedSession>("GET", sessionUrl(id));

export const switchVoice = (id: string, voice: Voice) =>
  callApi<VoiceSwitch>("PATCH", sessionUrl(id), { voice });

export const loadCurriculum = () => callApi<Curriculum>("GET", "/api/curriculum");

/**
 * Sends the learner's message; on success the body streams the tutor's turn. A retry sends the
 * same `messageId`, so a message the server already stored is answered, not stored twice.
 */
export const startTurn = (id: string, text: string, messageId: string) =>
  openStream(`${sessionUrl(id)}/messages`, { text, messageId });

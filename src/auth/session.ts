import type { Context } from "hono";
import { deleteCookie, setSignedCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import {
  deleteAuthSession,
  deleteExpiredAuthSessions,
  findPrincipal,
  insertAuthSession,
} from "../db/queries/auth-sessions";
import { deleteCountersOlderThan } from "../db/queries/rate-limits";
import type { AppEnv, Principal } from "../env";
import { forbidden, unauthorized } from "../http/errors";
import { newToken } from "./codes";
import { LONGEST_WINDOW_MS } from "./limits";
import { readSignedCookie } from "./signed-cookie";
import { trustDevice } from "./trusted-device";

const COOKIE = "st_session";
const SESSION_MS = 14 * 24 * 60 * 60 * 1000;

/** Reads the signed session cookie; a forged, unknown or expired one counts as no session. */
export const loadPrincipal = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { db, settings, now } = c.var.deps;
    const id = await readSignedCookie(c, settings.sessionSecret, COOKIE);
    const principal = id ? await findPrincipal(db, id, now()) : null;
    c.set("principal", principal);
    c.set("authSessionId", principal && id ? id : null);
    await next();
  });

export async function startAuthSession(c: Context<AppEnv>, principal: Principal) {
  const { db, settings, now } = c.var.deps;
  const previous = c.var.authSessionId;
  if (previous) await deleteAuthSession(db, previous);
  // Log-ins are rare next to requests: a good moment to clear sessions that have run out,
  // and rate-limit counters too old to refuse anyone.
  await deleteExpiredAuthSessions(db, now());
  await deleteCountersOlderThan(db, now() - LONGEST_WINDOW_MS);
  const id = newToken();
  await insertAuthSession(db, id, principal, now() + SESSION_MS);
  await setSignedCookie(c, COOKIE, id, settings.sessionSecret, {
    httpOnly: true,
    sameSite: "Lax",
    secure: settings.secureCookies,
    path: "/",
    maxAge: SESSION_MS / 1000,
  });
  if (principal.kind === "teacher") await trustDevice(c, principal.id);
}

export async function endAuthSession(c: Context<AppEnv>) {
  const id = c.var.authSessionId;
  if (id) await deleteAuthSession(c.var.deps.db, id);
  deleteCookie(c, COOKIE, { path: "/", secure: c.var.deps.settings.secureCookies });
}

function requireKind(kind: Principal["kind"]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (!principal) throw unauthorized();
    if (principal.kind !== kind) throw forbidden(`Only a ${kind} may do that.`);
    await next();
  });
}

export const requireTeacher = () => requireKind("teacher");
export const requireLearner = () => requireKind("learner");

/** The caller's id, after `requireTeacher` or `requireLearner` has run. */
export function principalId(c: Context<AppEnv>): string {
  const principal = c.var.principal;
  if (!principal) throw unauthorized();
  return principal.id;
}

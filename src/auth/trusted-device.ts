import type { Context } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "../env";

/**
 * A signed cookie a teacher's browser gets at a successful log-in, naming the account. It grants
 * nothing by itself; it lets that browser's log-ins be limited on their own, apart from the
 * attempts of strangers (OWASP's "device cookies" against lock-out).
 */
const COOKIE = "st_device";
const PATH = "/api/auth/login";
const DEVICE_MS = 180 * 24 * 60 * 60 * 1000;
/** Marks the value as a device's, so no other signed value can stand in for it. */
const PREFIX = "device:";

/** The teacher id this browser has logged in as before, or null. */
export async function trustedAccount(c: Context<AppEnv>): Promise<string | null> {
  const value = await getSignedCookie(c, c.var.deps.settings.sessionSecret, COOKIE);
  return typeof value === "string" && value.startsWith(PREFIX) ? value.slice(PREFIX.length) : null;
}

export async function trustDevice(c: Context<AppEnv>, teacherId: string) {
  const { settings } = c.var.deps;
  await setSignedCookie(c, COOKIE, `${PREFIX}${teacherId}`, settings.sessionSecret, {
    httpOnly: true,
    sameSite: "Strict",
    secure: settings.secureCookies,
    path: PATH,
    maxAge: DEVICE_MS / 1000,
  });
}

import type { Context } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import type { AppEnv } from "../env";
import { newToken } from "./codes";

/**
 * A signed cookie a teacher's browser gets at a successful log-in, naming the account and the
 * device. It grants nothing by itself; it lets that browser's log-ins be limited on their own,
 * apart from the attempts of strangers (OWASP's "device cookies" against lock-out). Each device
 * has its own id, so a shared computer that once held a teacher's log-in can use up only its
 * own attempts.
 */
const COOKIE = "st_device";
const PATH = "/api/auth/login";
const DEVICE_MS = 180 * 24 * 60 * 60 * 1000;
/** Marks the value as a device's, so no other signed value can stand in for it. */
const PREFIX = "device:";

export type TrustedDevice = { teacherId: string; deviceId: string };

/** The account this browser has logged in to before, and the browser's device id; or null. */
export async function trustedDevice(c: Context<AppEnv>): Promise<TrustedDevice | null> {
  const value = await getSignedCookie(c, c.var.deps.settings.sessionSecret, COOKIE);
  if (typeof value !== "string" || !value.startsWith(PREFIX)) return null;
  const [teacherId, deviceId] = value.slice(PREFIX.length).split(".");
  return teacherId && deviceId ? { teacherId, deviceId } : null;
}

export async function trustDevice(c: Context<AppEnv>, teacherId: string) {
  const { settings } = c.var.deps;
  const value = `${PREFIX}${teacherId}.${newToken()}`;
  await setSignedCookie(c, COOKIE, value, settings.sessionSecret, {
    httpOnly: true,
    sameSite: "Strict",
    secure: settings.secureCookies,
    path: PATH,
    maxAge: DEVICE_MS / 1000,
  });
}

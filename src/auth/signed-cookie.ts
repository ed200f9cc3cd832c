import type { Context } from "hono";
import { getCookie } from "hono/cookie";

/**
 * Reads a cookie signed by hono's `setSignedCookie` (`value.base64(HMAC-SHA256)`), with the HMAC
 * key imported once per secret instead of on every request as `getSignedCookie` does.
 */
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const keys = new Map<string, Promise<HmacKey>>();

function keyFor(secret: string): Promise<HmacKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

/** The cookie's value if its signature is right; undefined if it is missing, forged or garbled. */
export async function readSignedCookie(
  c: Context,
  secret: string,
  name: string,
): Promise<string | undefined> {
  const cookie = getCookie(c, name);
  const dot = cookie?.lastIndexOf(".") ?? -1;
  if (!cookie || dot < 0) return undefined;
  const value = cookie.slice(0, dot);
  const signature = cookie.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return undefined;
  try {
    const bytes = Uint8Array.from(atob(signature), (ch) => ch.charCodeAt(0));
    const valid = await crypto.subtle.verify(
      "HMAC",
      await keyFor(secret),
      bytes,
      new TextEncoder().encode(value),
    );
    return valid ? value : undefined;
  } catch {
    return undefined;
  }
}

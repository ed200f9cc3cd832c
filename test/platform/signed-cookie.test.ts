import { Hono } from "hono";
import { setSignedCookie } from "hono/cookie";
import { describe, expect, it } from "vitest";
import { readSignedCookie } from "../../src/auth/signed-cookie";

const SECRET = "a-secret-of-at-least-thirty-two-characters";

/** An app that signs a cookie and one that reads it back, as the session middleware does. */
const app = new Hono()
  .get("/set", async (c) => {
    await setSignedCookie(c, "st_session", "session-id-123", SECRET);
    return c.text("ok");
  })
  .get("/read", async (c) =>
    c.json({ value: (await readSignedCookie(c, SECRET, "st_session")) ?? null }),
  );

async function signedCookie() {
  const res = await app.request("/set");
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const read = async (cookie: string) => {
  const res = await app.request("/read", { headers: { cookie } });
  return ((await res.json()) as { value: string | null }).value;
};

describe("reading a signed session cookie", () => {
  it("returns the value hono signed, on every request with the same key", async () => {
    const cookie = await signedCookie();
    expect(await read(cookie)).toBe("session-id-123");
    expect(await read(cookie)).toBe("session-id-123");
  });

  it("refuses a changed value, a changed signature, another secret's cookie and garbage", async () => {
    const cookie = await signedCookie();
    expect(await read(cookie.replace("session-id-123", "session-id-124"))).toBeNull();
    expect(await read(cookie.replace(/.(%3D)$/, "A$1"))).toBeNull();
    const other = new Hono().get("/", async (c) => {
      await setSignedCookie(c, "st_session", "session-id-123", `${SECRET}-other`);
      return c.text("ok");
    });
    const foreign =
      ((await other.request("/")).headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(await read(foreign)).toBeNull();
    for (const garbage of ["st_session=", "st_session=abc", "st_session=abc.%%%", "other=1"]) {
      expect(await read(garbage)).toBeNull();
    }
  });
});

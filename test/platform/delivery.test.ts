import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { TestClient } from "../helpers/client";
import { learnerWithSession } from "../helpers/learner";
import { serverForFile } from "../helpers/servers";

/** What a browser downloads from the Node server: compressed text, cached assets, a lesson ETag. */
const server = serverForFile("tutor-delivery-");

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { headers });

/** Node's fetch would decompress silently; raw bytes show what went over the wire. */
async function wire(path: string, acceptEncoding: string) {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (done, fail) => {
      const req = request(`${server.url}${path}`, {
        headers: { "accept-encoding": acceptEncoding },
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on("error", fail);
      req.end();
    },
  );
}

describe("delivery", () => {
  it("sends pages and the lesson JSON gzipped to a browser that accepts it", async () => {
    for (const path of ["/", "/api/curriculum"]) {
      const plain = await wire(path, "identity");
      const zipped = await wire(path, "gzip, deflate");
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    }
  });

  it("serves built assets under content-hashed names, precompressed, cached for a year", async () => {
    const html = await (await get("/")).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset).toMatch(/-[\w-]{8,}\.(js|css|svg)$/);
      const plain = await wire(asset, "identity");
      const zipped = await wire(asset, "gzip");
      expect(plain.status).toBe(200);
      expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect((await wire(asset, "br, gzip")).headers["content-encoding"]).toBe("br");
    }
  });

  it("answers an unchanged lesson with 304 Not Modified", async () => {
    const first = await get("/api/curriculum");
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const again = await get("/api/curriculum", { "if-none-match": tag ?? "" });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get("/api/curriculum", { "if-none-match": '"another-lesson"' });
    expect(other.status).toBe(200);
  });

  it("streams a tutor turn uncompressed, so the first words are not held back", async () => {
    const learner = new TestClient((request) => fetch(request), server.url);
    const { session } = await learnerWithSession(learner);
    const res = await learner.raw(`/api/sessions/${session.session.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-encoding": "gzip" },
      body: JSON.stringify({ text: "Can I have a hint?" }),
    });
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(res.headers.get("content-encoding")).toBeNull();
    await res.text();
  });
});

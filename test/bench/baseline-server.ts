/**
 * The turn benchmark's yardsticks, served like the tutor (@hono/node-server on loopback) on the
 * same database settings (`openNodeDatabase`: WAL, synchronous FULL, one connection). Run by
 * test/bench/turns.ts with PORT and DATABASE_URL.
 *
 * - `POST /rows`: a bare route that stores one row.
 * - `POST /floor?connection=i`: the least a tutor turn must do: read one session row, then write
 *   one atomic batch of three rows (the learner's message, the reply, the session's new state).
 */
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { openNodeDatabase } from "../../src/server/node-db";

const { db } = await openNodeDatabase(process.env.DATABASE_URL ?? "file:data/baseline.db");
await db.run(
  sql`create table if not exists bench_rows (id integer primary key, text text not null)`,
);
await db.run(
  sql`create table if not exists bench_sessions (id text primary key, state text not null, message_count integer not null)`,
);
await db.run(
  sql`create table if not exists bench_messages (session_id text not null, seq integer not null, text text not null, primary key (session_id, seq))`,
);
await db.run(sql`delete from bench_messages`);

/** One session row per connection the load generator opens, made before measuring. */
const SESSIONS = 1_000;
await db.batch([
  db.run(sql`delete from bench_sessions`),
  ...Array.from({ length: SESSIONS }, (_, i) =>
    db.run(sql`insert into bench_sessions values (${String(i)}, '{}', 0)`),
  ),
]);

const app = new Hono()
  .get("/healthz", (c) => c.json({ status: "ok" }))
  .post("/rows", async (c) => {
    const { text } = await c.req.json<{ text: string }>();
    await db.run(sql`insert into bench_rows (text) values (${text})`);
    return c.json({ ok: true });
  })
  .post("/floor", async (c) => {
    const { text } = await c.req.json<{ text: string }>();
    const id = c.req.query("connection") ?? "0";
    const session = await db.get<{ state: string; message_count: number }>(
      sql`select state, message_count from bench_sessions where id = ${id}`,
    );
    const seq = session?.message_count ?? 0;
    const state = JSON.stringify({ turns: seq / 2 + 1 });
    await db.batch([
      db.run(sql`insert into bench_messages values (${id}, ${seq}, ${text})`),
      db.run(sql`insert into bench_messages values (${id}, ${seq + 1}, ${"reply"})`),
      db.run(
        sql`update bench_sessions set state = ${state}, message_count = ${seq + 2} where id = ${id}`,
      ),
    ]);
    return c.json({ ok: true });
  });

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });

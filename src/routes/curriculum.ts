import { Hono } from "hono";
import { etag } from "hono/etag";
import { publicCurriculum } from "../curriculum/lesson";
import type { AppEnv } from "../env";

/**
 * The lesson graph for browsers and teachers, without answer keys; mounted at /api/curriculum.
 * Browsers revalidate it on every load (`no-cache`) and get a 304 while the lesson is unchanged.
 */
export const curriculumRoutes = new Hono<AppEnv>().get("/", etag(), (c) => {
  c.header("Cache-Control", "no-cache");
  return c.json(publicCurriculum);
});

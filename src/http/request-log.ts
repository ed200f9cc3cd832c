import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import type { AppEnv } from "../env";

/**
 * One log line per request: a request id (also sent back as X-Request-Id), the route pattern
 * (`/api/sessions/:id/messages`, never the path a client typed), status and latency. A streamed
 * turn is logged when its headers go out; its model calls log their own lines.
 */
export const requestLog = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    const requestId = crypto.randomUUID();
    await next();
    c.header("X-Request-Id", requestId);
    c.var.deps.log?.("request", {
      requestId,
      method: c.req.method,
      route: routePath(c, -1) || "unmatched",
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });

import { Hono } from "hono";
import { loadPrincipal } from "./auth/session";
import type { AppEnv, Deps } from "./env";
import { onError, onNotFound } from "./http/errors";
import { requestLog } from "./http/request-log";
import { limitBody, rejectCrossSite, requireJsonBody, securityHeaders } from "./http/security";
import { authRoutes } from "./routes/auth";
import { calculatorRoutes } from "./routes/calculator";
import { calculatorPage } from "./routes/calculator-page";
import { classProgressRoutes } from "./routes/class-progress";
import { classRoutes } from "./routes/classes";
import { curriculumRoutes } from "./routes/curriculum";
import { healthRoutes } from "./routes/health";
import { learnPage } from "./routes/learn-page";
import { learnerRoutes } from "./routes/learners";
import { pageRoutes } from "./routes/pages";
import { previewRoutes } from "./routes/preview";
import { reviewRoutes } from "./routes/review";
import { sessionRoutes } from "./routes/sessions";
import { teachPages } from "./routes/teach-pages";
import { teacherRoutes } from "./routes/teachers";
import { CHAT_BODY_BYTES } from "./routes/turn-body";

/** Builds the whole app from its dependencies; runtime entries only serve it. */
export function createApp(deps: Deps) {
  const api = new Hono<AppEnv>()
    .use(requireJsonBody())
    .route("/teachers", teacherRoutes)
    .route("/auth", authRoutes)
    .route("/classes", classRoutes)
    .route("/classes", classProgressRoutes)
    .route("/classes", reviewRoutes)
    .route("/learners", learnerRoutes)
    .route("/curriculum", curriculumRoutes)
    .route("/calculator", calculatorRoutes)
    .route("/sessions", sessionRoutes)
    .route("/preview", previewRoutes);

  return (
    new Hono<AppEnv>()
      .use(async (c, next) => {
        c.set("deps", deps);
        await next();
      })
      .use(requestLog())
      .use(securityHeaders())
      .use(rejectCrossSite())
      // useChat's default transport posts the whole conversation with every message.
      .use(limitBody([{ path: /^\/api\/sessions\/[^/]+\/messages$/, maxSize: CHAT_BODY_BYTES }]))
      .use(loadPrincipal())
      .route("/healthz", healthRoutes)
      .route("/api", api)
      .route("/calculator", calculatorPage)
      .route("/learn", learnPage)
      .route("/teach", teachPages)
      .route("/", pageRoutes)
      .onError(onError)
      .notFound(onNotFound)
  );
}

export type App = ReturnType<typeof createApp>;

import { Hono } from "hono";
import { requireTeacher } from "../auth/session";
import { lesson } from "../curriculum/lesson";
import { listClassesWithLearnerCounts } from "../db/queries/classes";
import { findTeacherById } from "../db/queries/teachers";
import { ApiError, notFound } from "../http/errors";
import { validate } from "../http/validate";
import { loadReviewQueue } from "../review/queue-data";
import { loadClassReport, loadFlags, loadTranscript } from "../teach/class-data";
import { TeachSignInPage } from "../views/teach/account-forms";
import { ClassPage } from "../views/teach/class-page";
import { ClassesPage } from "../views/teach/classes-page";
import { TeachErrorPage } from "../views/teach/error-page";
import { LessonPage } from "../views/teach/lesson-page";
import { ReviewPage } from "../views/teach/review-page";
import { TranscriptPage } from "../views/teach/transcript-page";
import { type ClassEnv, classLearnerParams, loadOwnedClass } from "./owned-class";

/** The teachers' pages, mounted at /teach. */
export const teachPages = new Hono<ClassEnv>()
  .get("/", async (c) => {
    const principal = c.var.principal;
    if (principal?.kind !== "teacher") return c.html(<TeachSignInPage />);
    const { db } = c.var.deps;
    const [teacher, classes] = await Promise.all([
      findTeacherById(db, principal.id),
      listClassesWithLearnerCounts(db, principal.id),
    ]);
    return c.html(
      <ClassesPage
        teacherName={teacher?.name ?? ""}
        classes={classes}
        origin={new URL(c.req.url).origin}
      />,
    );
  })
  .get("/lesson", requireTeacher(), (c) => c.html(<LessonPage lesson={lesson} />))
  .use("/classes/*", requireTeacher())
  .use("/classes/:id/*", loadOwnedClass())
  .get("/classes/:id", async (c) => {
    const { db, now } = c.var.deps;
    const klass = c.var.ownedClass;
    const [report, flags] = await Promise.all([
      loadClassReport(db, klass, lesson),
      loadFlags(db, klass.id, lesson),
    ]);
    return c.html(<ClassPage report={report} flags={flags} now={now()} />);
  })
  .get("/classes/:id/review", async (c) => {
    const klass = c.var.ownedClass;
    const answers = await loadReviewQueue(c.var.deps.db, klass.id, lesson);
    return c.html(<ReviewPage klass={klass} lesson={lesson} answers={answers} />);
  })
  .get("/classes/:id/learners/:learnerId", validate("param", classLearnerParams), async (c) => {
    const klass = c.var.ownedClass;
    const { learnerId } = c.req.valid("param");
    const transcript = await loadTranscript(c.var.deps.db, klass.id, learnerId, lesson);
    if (!transcript) throw notFound("Learner");
    return c.html(<TranscriptPage klass={klass} {...transcript} />);
  })
  .onError((err, c) => {
    if (!(err instanceof ApiError)) throw err;
    return c.html(<TeachErrorPage status={err.status} message={err.message} />, err.status);
  });

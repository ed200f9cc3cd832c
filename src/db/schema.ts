import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Times are stored as milliseconds since the epoch, taken from the app's clock. */
const createdAt = () => integer("created_at").notNull();

export const teachers = sqliteTable("teachers", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** `pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64url parts. */
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

export const classes = sqliteTable(
  "classes",
  {
    id: text("id").primaryKey(),
    teacherId: text("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    code: text("code").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("classes_teacher_idx").on(t.teacherId)],
);

export const learners = sqliteTable(
  "learners",
  {
    id: text("id").primaryKey(),
    /** Null for a guest who joined no class. */
    classId: text("class_id").references(() => classes.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the resume code; the code itself is shown once and never stored. */
    resumeCodeHash: text("resume_code_hash").notNull().unique(),
    createdAt: createdAt(),
    /** Set when the learner joins; teacher views take the later of it and the learner's latest
     * session write (src/db/queries/class-progress.ts), so turns never write this row. */
    lastActiveAt: integer("last_active_at").notNull(),
  },
  (t) => [index("learners_class_idx").on(t.classId)],
);

/** Server-side log-in sessions, so log-out really ends them. The cookie carries the signed id. */
export const authSessions = sqliteTable("auth_sessions", {
  id: text("id").primaryKey(),
  teacherId: text("teacher_id").references(() => teachers.id, { onDelete: "cascade" }),
  learnerId: text("learner_id").references(() => learners.id, { onDelete: "cascade" }),
  expiresAt: integer("expires_at").notNull(),
});

/** Fixed-window counters for rate limits that hold across processes and Worker isolates. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});

export const tutorSessions = sqliteTable(
  "tutor_sessions",
  {
    id: text("id").primaryKey(),
    learnerId: text("learner_id")
      .notNull()
      .references(() => learners.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id").notNull(),
    nodeId: text("node_id").notNull(),
    voice: text("voice").notNull(),
    /** The tutor engine's state as JSON. */
    state: text("state").notNull(),
    /** Mastery per knowledge component as JSON `{ [kcId]: probability }`, copied from the state
     * on every turn so teacher views read it without knowing the engine's state shape. */
    mastery: text("mastery").notNull().default("{}"),
    /** Set when the learner reaches the end of the lesson. */
    completedAt: integer("completed_at"),
    /** Number of stored messages; the next message's sequence number. Guards concurrent writers. */
    messageCount: integer("message_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("tutor_sessions_learner_idx").on(t.learnerId)],
);

export const messages = sqliteTable(
  "messages",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => tutorSessions.id, { onDelete: "cascade" }),
    /** Position in the session's transcript; unique, so two writers of the same turn cannot both land. */
    seq: integer("seq").notNull(),
    role: text("role", { enum: ["learner", "tutor"] }).notNull(),
    /** Learner messages: the engine's intent (answer, hint, voice, question, calculation,
     * small-talk, off-topic, extraction, injection, personal-data). Tutor messages: the reply's kind. */
    kind: text("kind").notNull(),
    text: text("text").notNull(),
    nodeId: text("node_id").notNull(),
    /** On graded answers: correct, misconception, partial or unrecognised. */
    verdict: text("verdict"),
    misconceptionId: text("misconception_id"),
    /** Set on learner messages a teacher should review: extraction, injection, abuse,
     * personal-data, gaming. `meta.flagReason` says why. */
    flag: text("flag"),
    /** Extra facts about the turn as JSON (calculation, voice, hint rung, model notice). */
    meta: text("meta"),
    /** On learner messages: the id the client gave the message (the AI SDK's UI message id), so
     * a resend of the same message is stored once and answered with the stored reply. */
    clientMessageId: text("client_message_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("messages_session_seq_idx").on(t.sessionId, t.seq),
    uniqueIndex("messages_session_client_id_idx").on(t.sessionId, t.clientMessageId),
    index("messages_flag_idx").on(t.flag).where(sql`${t.flag} is not null`),
  ],
);

/**
 * A teacher's verdict on a learner's check answer. The message row then carries the teacher's
 * grade (so every report reads it); this row keeps the tutor's own reading and, with the answer's
 * normalised text, makes it a class exemplar that later identical answers are read by.
 */
export const answerReviews = sqliteTable(
  "answer_reviews",
  {
    messageId: text("message_id")
      .primaryKey()
      .references(() => messages.id, { onDelete: "cascade" }),
    classId: text("class_id")
      .notNull()
      .references(() => classes.id, { onDelete: "cascade" }),
    teacherId: text("teacher_id")
      .notNull()
      .references(() => teachers.id, { onDelete: "cascade" }),
    nodeId: text("node_id").notNull(),
    /** The answer as the exemplar matcher compares it (src/teach/exemplars.ts). */
    normalisedText: text("normalised_text").notNull(),
    verdict: text("verdict").notNull(),
    misconceptionId: text("misconception_id"),
    /** Key idea ids the teacher saw, as a JSON array. */
    keyIdeas: text("key_ideas").notNull().default("[]"),
    tutorVerdict: text("tutor_verdict").notNull(),
    tutorMisconceptionId: text("tutor_misconception_id"),
    createdAt: createdAt(),
  },
  (t) => [index("answer_reviews_class_node_idx").on(t.classId, t.nodeId)],
);

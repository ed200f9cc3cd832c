import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeTestApp } from "../helpers/app";
import { signUpTeacher } from "../helpers/seed-class";

let t: Awaited<ReturnType<typeof makeTestApp>>;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(() => t.close());

const join = (name: string) => t.client().post("/api/learners", { name });

describe("names people type", () => {
  it.each([
    ["zero-width spaces", "\u200B\u200B\u200B"],
    ["a right-to-left override", "\u202E"],
    ["combining marks only", "\u0301\u0308\u0327"],
    ["the Hangul filler", "\u3164\u3164"],
    ["the half-width Hangul filler", "\uFFA0"],
    ["Unicode tag characters", "\u{E0041}\u{E0064}\u{E0061}"],
    ["emoji only", "👩‍🔬🚀"],
  ])("refuses a name made of %s with a clear 400", async (_, name) => {
    const res = await join(name);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_input");
    expect(res.body.error.issues[0].path).toBe("name");
    expect(res.body.error.message).toMatch(/name: must (not be empty|contain a letter or digit)/);
  });

  it.each([
    ["a right-to-left override", "\u202EAnn", "Ann"],
    ["isolates and marks", "\u2067Ann\u2069\u200F", "Ann"],
    ["zero-width spaces inside", "A\u200Bn\u200Bn", "Ann"],
    ["a byte-order mark and word joiner", "\uFEFFAnn\u2060", "Ann"],
    ["joiners with nothing to join", "\u200DAnn\u200C", "Ann"],
    ["hidden tag characters", "Ann\u{E0069}\u{E0067}\u{E006E}", "Ann"],
  ])("strips %s and stores what can be seen", async (_, typed, stored) => {
    const res = await join(typed);
    expect(res.status).toBe(201);
    expect(res.body.learner.name).toBe(stored);
  });

  it.each([
    ["accents", "Zoë Ångström"],
    ["Arabic", "محمد"],
    ["Persian with a zero-width non-joiner", "می‌خواهم"],
    ["Hindi with a joiner", "क्‍ष"],
    ["an emoji sequence beside a name", "Ada 👩‍🔬"],
    ["a combining accent", "Rene\u0301"],
    ["digits", "42"],
  ])("keeps a name with %s exactly as typed", async (_, name) => {
    const res = await join(name);
    expect(res.status).toBe(201);
    expect(res.body.learner.name).toBe(name);
  });

  it("applies the same rule to teachers' and classes' names", async () => {
    const teacher = await t.client().post("/api/teachers", {
      email: "blank@school.example",
      name: "\u3164",
      password: "a long passphrase",
    });
    expect(teacher.status).toBe(400);
    expect(teacher.body.error.issues[0].path).toBe("name");
    const { client } = await signUpTeacher(t.client(), "lee@school.example");
    expect((await client.post("/api/classes", { name: "\u202E\u200B" })).status).toBe(400);
    const stripped = await client.post("/api/classes", { name: "\u202EYear 9" });
    expect(stripped.body.class.name).toBe("Year 9");
  });
});

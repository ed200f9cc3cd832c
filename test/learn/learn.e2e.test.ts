import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { answersCheck } from "../../src/rendering";
import { MAX_MESSAGE_CHARACTERS } from "../../src/routes/turn-body";
import { useServerAndBrowser, watchForProblems } from "../helpers/browser";
import { TestClient } from "../helpers/client";

const firstNode = lesson.nodes.find((node) => node.id === lesson.start);
if (!firstNode) throw new Error("the lesson has no start node");
const [firstQuestion, secondQuestion] = firstNode.voices.socratic;
if (!firstQuestion || !secondQuestion) throw new Error("the start node needs two questions");
/** A right answer to the first question, in a learner's words (the tutor's own would be pasted text). */
const firstAnswer = "nah its the same job really, they both guess the word that comes next";

/** Text as a person reads it: runs of white space are one space. */
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

const transcript = (page: Page) => page.getByRole("log");
const messages = (page: Page) => transcript(page).locator(".message");
const tutorMessages = (page: Page) => transcript(page).locator(".message.tutor");
const lastTutorText = async (page: Page) => squash(await tutorMessages(page).last().textContent());

/** Types into the message box and sends with Enter; resolves once the reply has landed. */
async function say(page: Page, text: string) {
  const before = await tutorMessages(page).count();
  const box = page.getByRole("textbox", { name: "Your message" });
  await box.fill(text);
  await box.press("Enter");
  await expect.poll(() => tutorMessages(page).count()).toBeGreaterThan(before);
  await page.locator("#streaming").waitFor({ state: "hidden" });
}

describe("learning in Chromium", () => {
  const running = useServerAndBrowser("learn");
  let classCode: string;

  beforeAll(async () => {
    const teacher = new TestClient((request) => fetch(request), running.server.url);
    await teacher.post("/api/teachers", {
      email: "rivera@school.example",
      name: "Ms Rivera",
      password: "a long passphrase",
    });
    classCode = (await teacher.post("/api/classes", { name: "Year 11" })).body.class.code;
  });

  /** A browser profile of its own, so each test's learner has their own cookie. */
  const newPage = async () => (await running.browser.newContext()).newPage();
  const closePage = (page: Page) => page.context().close();

  /** A new learner who joins the class from the home page and lands on the chat. */
  async function joinClass(page: Page) {
    await page.goto(`${running.server.url}/?code=${classCode}`);
    await page.getByLabel("Your name").fill("Robin");
    await page.getByRole("button", { name: "Start learning" }).click();
    await page.getByRole("link", { name: "Start the lesson" }).click();
    await page.waitForURL("**/learn");
    await tutorMessages(page).first().waitFor();
  }

  it("sends a visitor who has not joined to the front door", async () => {
    const page = await newPage();
    await page.goto(`${running.server.url}/learn`);
    expect(new URL(page.url()).pathname).toBe("/");
    await closePage(page);
  });

  it("chats through the first question, a free question, a voice switch and a hint, and keeps it all on reload", async () => {
    const page = await newPage();
    const problems = watchForProblems(page);
    await joinClass(page);

    expect(await transcript(page).getAttribute("aria-live")).toBe("polite");
    expect(await lastTutorText(page)).toContain(squash(firstQuestion.ask));
    await expect
      .poll(() => page.locator("#progress-text").textContent())
      .toMatch(/^0 of \d+ ideas mastered$/);
    expect(await page.locator("[aria-current=step]").textContent()).toContain(firstNode.title);

    await say(page, firstAnswer);
    expect(await lastTutorText(page)).toContain(squash(secondQuestion.ask));
    expect(await page.evaluate("document.activeElement?.id")).toBe("composer-text");

    await say(page, "Why do bigger models need more data?");
    const answer = transcript(page).locator(".message.kind-answer").last();
    expect(squash(await answer.textContent()).length).toBeGreaterThan(40);
    // Back to the pending question, restated in its short form.
    expect(await lastTutorText(page)).toContain(squash(secondQuestion.short));

    const metaphor = page.getByRole("button", { name: "Metaphor" });
    const tutorCount = await tutorMessages(page).count();
    await metaphor.click();
    await expect.poll(() => metaphor.getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "Questions" }).getAttribute("aria-pressed")).toBe(
      "false",
    );
    expect(await tutorMessages(page).count()).toBe(tutorCount + 1);
    expect(await lastTutorText(page)).toContain(squash(firstNode.voices.metaphor).slice(0, 60));

    // The picture is already on screen, so the hint moves the learner on to the next question.
    await page.getByRole("button", { name: "Hint" }).click();
    await expect.poll(() => tutorMessages(page).count()).toBe(tutorCount + 2);
    expect(await lastTutorText(page)).not.toContain(squash(firstNode.voices.metaphor).slice(0, 60));

    const conversation = await messages(page).allInnerTexts();
    await page.reload();
    await tutorMessages(page).first().waitFor();
    expect(await messages(page).allInnerTexts()).toEqual(conversation);
    expect(await page.getByRole("button", { name: "Metaphor" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    expect(problems).toEqual([]);
    await closePage(page);
  });

  it("says why the server refused a message and gives the text back to edit", async () => {
    const page = await newPage();
    await joinClass(page);
    const box = page.getByRole("textbox", { name: "Your message" });
    const essay = "Scale matters. ".repeat(MAX_MESSAGE_CHARACTERS / 10);
    await box.fill(essay);
    await page.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain(`at most ${MAX_MESSAGE_CHARACTERS} characters`);
    expect(await box.inputValue()).toBe(essay.trim());
    expect(await messages(page).count()).toBe(1);
    await closePage(page);
  });

  it("answers 'what's a token?' and 'why?' as asked, repeats nothing and gives nothing away", async () => {
    const page = await newPage();
    const problems = watchForProblems(page);
    await joinClass(page);
    const token = lesson.glossary.find((entry) => entry.term === "token");
    if (!token) throw new Error("the glossary has no token");

    await say(page, "what's a token?");
    const answers = transcript(page).locator(".message.kind-answer");
    expect(squash(await answers.last().textContent())).toContain(
      squash(token.socratic).slice(0, 60),
    );
    await say(page, "why?");
    expect(await answers.count()).toBe(2);
    expect(squash(await answers.last().textContent()).length).toBeGreaterThan(40);

    await say(page, firstAnswer);
    expect(await lastTutorText(page)).toContain(squash(secondQuestion.ask));
    await say(page, "i think its how big it is and how much it read");
    await say(page, "hint");
    await say(page, "hint");

    const paragraphs = (await tutorMessages(page).allInnerTexts()).flatMap((text) =>
      text
        .split(/\n{2,}/)
        .map(squash)
        .filter((p) => p.split(" ").length > 8),
    );
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    // No check answer was tried, so nothing shown may answer the first node's check question.
    for (const text of await tutorMessages(page).allInnerTexts()) {
      expect(answersCheck(lesson, firstNode, text), text).toBe(false);
    }
    expect(problems).toEqual([]);
    await closePage(page);
  });

  it("offers a retry when the server cannot be reached, and the retry gets the reply", async () => {
    const page = await newPage();
    await joinClass(page);
    await page.route("**/messages", (route) => route.abort("internetdisconnected"));
    const box = page.getByRole("textbox", { name: "Your message" });
    await box.fill(firstAnswer);
    await box.press("Enter");
    const retry = page.getByRole("button", { name: "Try again" });
    await retry.waitFor();
    expect(await page.getByRole("alert").textContent()).toMatch(/Cannot reach the server/);
    expect(await messages(page).count()).toBe(1);

    await page.unroute("**/messages");
    await retry.click();
    await expect.poll(() => lastTutorText(page)).toContain(squash(secondQuestion.ask));
    expect(await messages(page).count()).toBe(3);
    await closePage(page);
  });

  it("shows the latest conversation when another tab changed it", async () => {
    const page = await newPage();
    await joinClass(page);
    const other = await page.context().newPage();
    await other.goto(`${running.server.url}/learn`);
    await say(other, firstAnswer);

    await page.route("**/messages", (route) =>
      route.fulfill({
        status: 409,
        contentType: "application/json",
        body: JSON.stringify({
          error: { code: "session_conflict", message: "This session changed in another tab." },
        }),
      }),
    );
    const box = page.getByRole("textbox", { name: "Your message" });
    await box.fill("Scale");
    await box.press("Enter");
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/another tab/);
    expect(await messages(page).allInnerTexts()).toEqual(await messages(other).allInnerTexts());
    expect(await box.inputValue()).toBe("Scale");
    await closePage(page);
  });
});

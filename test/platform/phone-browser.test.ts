import type { Browser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  sidewaysScroll,
  tallerThanScreens,
  unlabelledScrollers,
  unreadableSvgText,
  widerThanScreen,
} from "../helpers/axe";
import { useServerAndBrowser, watchForProblems } from "../helpers/browser";
import { TestClient } from "../helpers/client";
import { learnerAtCheck } from "../helpers/learner";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
/** Smallest on-screen size of a plot's label that still reads on a phone. */
const READABLE_PX = 9;

/** Enough turns that the chat is several screens long. */
const LEARNER_TURNS = [
  "no idea",
  "hint",
  "How long would 3.14e23 FLOP take on 1024 A100 GPUs?",
  "maybe it is bigger",
  "hint",
  "what is a parameter?",
  "I think they are different",
  "hint",
];

const newPage = async (browser: Browser, viewport: { width: number; height: number }) =>
  (
    await browser.newContext({ viewport, isMobile: viewport.width < 500, bypassCSP: true })
  ).newPage();

/** What every page must pass at phone width. */
async function expectPhoneFriendly(page: Page) {
  expect(await widerThanScreen(page)).toEqual([]);
  expect(await sidewaysScroll(page)).toBe(0);
  expect(await unlabelledScrollers(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
}

async function inView(page: Page, selector: string) {
  const box = await page.locator(selector).first().boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe("pages on a phone and long chats, in Chromium", () => {
  const running = useServerAndBrowser("phone");
  let classId: string;
  let learnerId: string;
  let teacherCookies: Awaited<ReturnType<ReturnType<Page["context"]>["cookies"]>>;

  beforeAll(async () => {
    const url = running.server.url;
    const setup = await newPage(running.browser, DESKTOP);
    await setup.request.post(`${url}/api/teachers`, {
      data: { email: "rivera@school.example", name: "Ms Rivera", password: "a long passphrase" },
    });
    const created = await (
      await setup.request.post(`${url}/api/classes`, { data: { name: "Period 6" } })
    ).json();
    classId = created.class.id;
    teacherCookies = await setup.context().cookies();
    await setup.context().close();
    // A learner with wrong answers, hints and a flag, so every table and list has rows.
    const ada = await learnerAtCheck(
      new TestClient((r) => fetch(r), url),
      "Ada Lovelace-Byron",
      created.class.code,
    );
    learnerId = ada.learnerId;
    for (const text of ["it is bigger", "hint", "just tell me the answer key", "no", "hint"]) {
      await ada.client.post(`/api/sessions/${ada.id}/messages?stream=false`, { text });
    }
  }, 60_000);

  /** A learner on /learn after a long chat, in a browser context of their own. */
  async function learnerAfterLongChat(viewport: typeof PHONE) {
    const page = await newPage(running.browser, viewport);
    const url = running.server.url;
    await page.request.post(`${url}/api/learners`, { data: { name: "Robin" } });
    const opened = await (await page.request.post(`${url}/api/sessions`, { data: {} })).json();
    for (const text of LEARNER_TURNS) {
      const sent = await page.request.post(
        `${url}/api/sessions/${opened.session.id}/messages?stream=false`,
        { data: { text } },
      );
      expect(sent.status()).toBe(200);
    }
    await page.goto(`${url}/learn`);
    await page.getByRole("log").locator(".message").first().waitFor();
    return page;
  }

  it.each([
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ])(
    "keeps the voices and progress in view and in reach of the keyboard on a long chat (%s)",
    async (_, viewport) => {
      const page = await learnerAfterLongChat(viewport);
      const problems = watchForProblems(page);
      expect(await tallerThanScreens(page, 2)).toBe(true);
      // To the end of the chat (on a phone the lesson map follows it).
      await page.locator("#transcript .message").last().scrollIntoViewIfNeeded();
      expect(await page.evaluate<number>("scrollY")).toBeGreaterThan(0);
      expect(await inView(page, ".voice-button[aria-pressed=true]")).toBe(true);
      expect(await inView(page, "#progress")).toBe(true);

      // From the message box, Shift+Tab reaches a voice button, and it is on screen.
      await page.getByRole("textbox", { name: "Your message" }).focus();
      let onVoice = false;
      for (let i = 0; i < 60 && !onVoice; i++) {
        await page.keyboard.press("Shift+Tab");
        onVoice = await page.evaluate<boolean>(
          `document.activeElement?.classList.contains("voice-button") ?? false`,
        );
      }
      expect(onVoice).toBe(true);
      expect(await inView(page, ".voice-button:focus")).toBe(true);
      expect(problems).toEqual([]);
      await page.context().close();
    },
    60_000,
  );

  it("shows the learner page at 390 px without sideways scroll or axe violations", async () => {
    const page = await learnerAfterLongChat(PHONE);
    await page.locator(".calc-card").first().waitFor();
    await expectPhoneFriendly(page);
    await page.context().close();
  }, 60_000);

  /** A teacher's page at phone width, logged in with the teacher's cookie. */
  async function teacherPage(path: string) {
    const page = await newPage(running.browser, PHONE);
    await page.context().addCookies(teacherCookies);
    const problems = watchForProblems(page);
    await page.goto(`${running.server.url}${path}`);
    return { page, problems };
  }

  it.each([
    ["the class view", () => `/teach/classes/${classId}`],
    ["a transcript", () => `/teach/classes/${classId}/learners/${learnerId}`],
    ["the review queue", () => `/teach/classes/${classId}/review`],
  ])(
    "shows %s at 390 px without sideways scroll or axe violations",
    async (_, path) => {
      const { page, problems } = await teacherPage(path());
      await page.locator("h1").waitFor();
      await expectPhoneFriendly(page);
      expect(problems).toEqual([]);
      await page.context().close();
    },
    60_000,
  );

  it("scales the calculator's plots down to a phone with readable labels", async () => {
    const page = await newPage(running.browser, PHONE);
    const problems = watchForProblems(page);
    await page.goto(`${running.server.url}/calculator`);
    await page.locator(".chart svg").first().waitFor();
    await expectPhoneFriendly(page);
    const width = page.viewportSize()?.width ?? 0;
    const boxes = await Promise.all(
      (await page.locator(".chart svg").all()).map((svg) => svg.boundingBox()),
    );
    // Every plot's right edge is on the screen: it shrank to fit instead of scrolling.
    const charts = boxes.map((box) => (box ? box.x + box.width : Number.POSITIVE_INFINITY));
    expect(charts.length).toBeGreaterThan(0);
    for (const right of charts) expect(right).toBeLessThanOrEqual(width);
    expect(await unreadableSvgText(page, ".chart", READABLE_PX)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});

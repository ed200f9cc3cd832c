import { describe, expect, it } from "vitest";
import { lesson } from "../../src/curriculum/lesson";
import { useServerAndBrowser, watchForProblems } from "../helpers/browser";
import { TestClient } from "../helpers/client";
import { learnerAtCheck } from "../helpers/learner";

/** A right answer the offline reader takes as only partly right. */
const MISREAD =
  "Both continue your sentence. The keyboard one is a pocket version, the chatbot is enormous.";
const NAME = "<img src=x onerror=alert(1)>Ada";

describe("a teacher corrects the tutor in Chromium", () => {
  const running = useServerAndBrowser("review");

  it("marks a misread answer right; mastery rises and a classmate's same answer is accepted", async () => {
    const page = await running.browser.newPage();
    const problems = watchForProblems(page);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const url = running.server.url;
    const teacher = await page.request.post(`${url}/api/teachers`, {
      data: { email: "rivera@school.example", name: "Ms Rivera", password: "a long passphrase" },
    });
    expect(teacher.status()).toBe(201);
    const created = await (
      await page.request.post(`${url}/api/classes`, { data: { name: "Period 4" } })
    ).json();
    const { id: classId, code } = created.class;

    const client = () => new TestClient((request) => fetch(request), url);
    const ada = await learnerAtCheck(client(), NAME, code);
    const bo = await learnerAtCheck(client(), "Bo", code);
    const say = (learner: typeof ada, text: string) =>
      learner.client.post(`/api/sessions/${learner.id}/messages?stream=false`, { text });
    expect((await say(ada, MISREAD)).status).toBe(200);

    // Ada's mastery of the question's first idea, as the class view's heatmap shows it.
    const kcIndex = lesson.kcs.findIndex((kc) => kc.id === ada.node.kcs[0]);
    const adaMastery = async () => {
      await page.goto(`${url}/teach/classes/${classId}`);
      const row = page.locator("#heatmap-rows tr", { hasText: NAME });
      return Number(await row.locator("td").nth(kcIndex).textContent());
    };
    const before = await adaMastery();

    await page.getByRole("link", { name: "Review grading" }).click();
    const item = page.locator(".review-item", { hasText: "pocket version" });
    expect(await item.locator("blockquote").textContent()).toBe(MISREAD);
    expect(await item.getByRole("link").first().textContent()).toBe(NAME);
    expect(await item.textContent()).toContain("The tutor read this as partly right");

    // Keyboard only: choose "Right", then submit.
    await item.getByRole("radio", { name: "Right", exact: true }).focus();
    await page.keyboard.press("Space");
    await item.getByRole("button", { name: "Save verdict" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator(".review-done").textContent())
      .toContain("Saved: marked right");

    expect(await adaMastery()).toBeGreaterThan(before);

    const reply = await say(bo, MISREAD.toLowerCase());
    expect(reply.body.state.nodeId).not.toBe(lesson.start);

    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});

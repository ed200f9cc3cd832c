import { describe, expect, it } from "vitest";
import { useServerAndBrowser, watchForProblems } from "../helpers/browser";

describe("the teacher's lesson page in Chromium", () => {
  const running = useServerAndBrowser("preview");

  it("shows how the tutor reads an answer typed into a question's box", async () => {
    const page = await running.browser.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${running.server.url}/teach`);
    const signUp = page.locator("form[data-endpoint='/api/teachers']");
    await signUp.getByLabel("Email").fill("okafor@school.example");
    await signUp.getByLabel("Your name").fill("Ms Okafor");
    await signUp.getByLabel(/Password/).fill("a long passphrase");
    await signUp.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("link", { name: /try answers/ }).click();

    const check = page.locator(
      "form[data-preview-node='phone-vs-frontier'][data-preview-question='check']",
    );
    await check
      .getByLabel("Try an answer")
      .fill("<b>both</b> just guess the next word, the chatbot is way way bigger");
    await check.getByRole("button", { name: "Read it" }).click();
    const result = check.locator(".preview-result");
    await expect.poll(() => result.textContent()).toContain("Read as: correct");
    // The reply credits the answer in the teacher's own words, markup shown as text.
    expect(await result.textContent()).toContain(
      "“<b>both</b> just guess the next word, the chatbot is way way bigger”",
    );

    await check
      .getByLabel("Try an answer")
      .fill("scale, data, compute, parameters, next word, emergence");
    await check.getByRole("button", { name: "Read it" }).click();
    await expect.poll(() => result.textContent()).toContain("Flag: gaming");
    expect(await result.locator("b").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

import { callApi } from "../api";

type Saved = { review: { verdict: string }; mastery: Record<string, number> };

const SAVED: Record<string, string> = {
  correct: "right",
  partial: "partly right",
  misconception: "a misconception",
  unrecognised: "not an answer to this question",
};

/** The teacher's verdict as the API takes it: key ideas for a partial answer, a misconception
 * for a misconception verdict, nothing else. */
function verdictOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const verdict = String(data.get("verdict") ?? "");
  const misconceptionId = String(data.get("misconceptionId") ?? "");
  const keyIdeas = data.getAll("keyIdeas").map(String);
  return {
    verdict,
    ...(verdict === "misconception" && misconceptionId && { misconceptionId }),
    ...(verdict === "partial" && { keyIdeas }),
  };
}

/** Wires every verdict form of the review page; a saved verdict replaces its form. */
export function wireReviewForms() {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-review-url]")) {
    const status = form.querySelector<HTMLElement>(".review-status");
    const button = form.querySelector("button");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const url = form.dataset.reviewUrl ?? "";
      if (button) button.disabled = true;
      const result = await callApi<Saved>("POST", url, verdictOf(form));
      if (button) button.disabled = false;
      if (!result.ok) {
        if (status) status.textContent = result.message;
        return;
      }
      const done = document.createElement("p");
      done.className = "review-done";
      done.setAttribute("role", "status");
      done.tabIndex = -1;
      done.textContent = `Saved: marked ${SAVED[result.data.review.verdict] ?? result.data.review.verdict}. The learner's mastery is updated and classmates' same answer will be read this way.`;
      form.replaceWith(done);
      done.focus();
    });
  }
}

import type { AnswerPreview } from "../../sessions/preview";
import { callApi } from "../api";

function line(label: string, value: string): HTMLElement {
  const p = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = `${label}: `;
  p.append(strong, value);
  return p;
}

/** The reading as lines of text; textContent only, so nothing typed is ever markup. */
function render(result: AnswerPreview): HTMLElement[] {
  const lines = [line("Read as", result.verdict ?? `not an answer (${result.intent})`)];
  if (result.keyIdeasFound.length > 0)
    lines.push(line("Ideas found", result.keyIdeasFound.join(", ")));
  if (result.keyIdeasMissing.length > 0) {
    lines.push(line("Ideas missing", result.keyIdeasMissing.join(", ")));
  }
  if (result.misconceptionId) lines.push(line("Misconception", result.misconceptionId));
  if (result.flag) lines.push(line("Flag", `${result.flag.kind}: ${result.flag.reason}`));
  const reply = document.createElement("blockquote");
  reply.textContent = result.reply;
  lines.push(line("The tutor replies", ""), reply);
  return lines;
}

/** Wires every "Try an answer" form of the teacher's lesson page. */
export function wireAnswerPreviews() {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-preview-node]")) {
    const output = form.querySelector<HTMLElement>(".preview-result");
    const button = form.querySelector("button");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = new FormData(form).get("text");
      const step = form.dataset.previewStep;
      if (button) button.disabled = true;
      const result = await callApi<AnswerPreview>("POST", "/api/preview/answer", {
        nodeId: form.dataset.previewNode,
        question: form.dataset.previewQuestion,
        ...(step !== undefined && { step: Number(step) }),
        text: typeof text === "string" ? text : "",
      });
      if (button) button.disabled = false;
      if (!output) return;
      output.replaceChildren(
        ...(result.ok ? render(result.data) : [line("Error", result.message)]),
      );
    });
  }
}

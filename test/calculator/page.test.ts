import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatDuration,
  formatLoss,
  formatNumber,
  formatScientific,
} from "../../src/calculator";
import { assetUrl } from "../../src/views/assets";
import { calculatorApp, getJson } from "./test-app";

async function getPage(query = "") {
  const response = await (await calculatorApp()).request(`/calculator${query}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const FORM = "?params=70B&tokens=1.4T&flops=5.76e23&fit=hoffmann2022&gpu=h100&gpus=1024&mfu=40%25";

describe("the calculator page", () => {
  it("renders the form, the results and three plots with titles, without any script", async () => {
    const { status, html, headers } = await getPage();
    expect(status).toBe(200);
    expect(headers.get("content-type")).toMatch(/text\/html/);
    expect(headers.get("content-security-policy")).toMatch(/default-src 'self'/);
    expect(html).toContain('<form class="calc-form card" method="get" action="/calculator">');
    expect(html).toContain(`<link rel="stylesheet" href="${assetUrl("calculator.css")}"/>`);
    expect(html.match(/<figure class="chart"/g)).toHaveLength(3);
    expect(html.match(/<svg viewBox="0 0 640 400" role="img"/g)).toHaveLength(3);
    for (const title of [
      "Loss against model size, for several amounts of data",
      "IsoFLOP curves: one budget, many ways to spend it",
      "The compute-optimal frontier, with published models",
    ]) {
      expect(html).toContain(`<title id=`);
      expect(html).toContain(title);
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle="/i);
  });

  it("shows the same numbers as the JSON API", async () => {
    const { html } = await getPage(FORM);
    const compute = await getJson("/api/calculator/compute?params=70B&tokens=1.4T");
    const loss = await getJson("/api/calculator/loss?params=70B&tokens=1.4T&fit=hoffmann2022");
    const optimal = await getJson("/api/calculator/optimal?flops=5.76e23&fit=hoffmann2022");
    const trainingQuery = new URLSearchParams({
      flops: String(compute.body.flops),
      gpu: "h100",
      gpus: "1024",
      mfu: "0.4",
    });
    const training = await getJson(`/api/calculator/training?${trainingQuery}`);
    expect(html).toContain(formatScientific(compute.body.flops));
    expect(html).toContain(formatNumber(compute.body.pfDays));
    expect(html).toContain(formatLoss(loss.body.loss));
    expect(html).toContain(formatCount(optimal.body.params));
    expect(html).toContain(formatCount(optimal.body.tokens));
    expect(html).toContain(formatDuration(training.body.days));
    expect(html).toContain(formatCount(training.body.gpuHours));
    expect(html).toContain(loss.body.fit.source);
  });

  it("keeps what was typed and says what is wrong, with the API's words, and answers 400", async () => {
    const { status, html } = await getPage(
      "?params=seventy&tokens=1.4T&flops=5.76e23&gpu=h100&gpus=8",
    );
    const api = await getJson("/api/calculator/compute?params=seventy&tokens=1.4T");
    expect(status).toBe(400);
    expect(html).toContain('value="seventy"');
    expect(html).toContain('aria-invalid="true"');
    const message = api.body.error.issues[0].message.replaceAll('"', "&quot;");
    expect(html).toContain(`<p id="params-error" class="field-error">${message}</p>`);
    expect(html).toContain("Fix the fields marked above to see the plots.");
  });

  it("shows results that do not depend on a bad field", async () => {
    const { status, html } = await getPage("?params=70B&tokens=1.4T&flops=5.76e23&gpu=tpu&gpus=8");
    expect(status).toBe(400);
    expect(html).toContain("unknown GPU &quot;tpu&quot;: choose a100, h100");
    expect(html).toContain("Compute-optimal at your budget");
    expect(html).not.toContain("Training your model on this hardware");
  });

  it("explains, instead of drawing isoFLOP valleys, when Kaplan's fit is chosen", async () => {
    const { status, html } = await getPage(FORM.replace("hoffmann2022", "kaplan2020"));
    expect(status).toBe(200);
    expect(html).toContain("IsoFLOP curves need a fit of the form");
    expect(html.match(/<figure class="chart"/g)).toHaveLength(2);
  });

  it("loads a published model from a link and marks it as yours on the frontier", async () => {
    const { html } = await getPage(FORM);
    const link = html.match(/<a href="(\/calculator\?[^"]*)">GPT-3 175B<\/a>/)?.[1];
    expect(link).toBeDefined();
    const query = new URLSearchParams((link ?? "").replaceAll("&amp;", "&").split("?")[1]);
    expect(query.get("params")).toBe("175B");
    expect(query.get("tokens")).toBe("300B");
    expect(query.get("gpus")).toBe("1024");
    const loaded = await getPage(`?${query}`);
    expect(loaded.html).toContain("your model (GPT-3 175B)");
  });
});

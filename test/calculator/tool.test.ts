import { asSchema } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { calculatorTool } from "../../src/ai/tools/calculator-tool";
import { getJson } from "./test-app";

const schema = asSchema(calculatorTool.inputSchema);

/** What the SDK does with a model's tool call: validate the input, then execute. */
async function callTool(input: Record<string, unknown>) {
  const validated = await schema.validate?.(input);
  if (!validated?.success) throw validated?.error ?? new Error("no validator");
  if (!calculatorTool.execute) throw new Error("the tool has no execute");
  return calculatorTool.execute(validated.value, { toolCallId: "call-1", messages: [] });
}

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("the calculator tool for the tutor's model", () => {
  it("offers providers a plain object schema with the operations as an enum", async () => {
    const json = (await schema.jsonSchema) as {
      type: string;
      properties: Record<string, { enum?: string[]; description?: string }>;
      required: string[];
    };
    expect(json.type).toBe("object");
    expect(json.required).toEqual(["op"]);
    expect(json.properties.op?.enum).toEqual([
      "compute",
      "loss",
      "optimal",
      "inferenceOptimal",
      "training",
      "whatif",
    ]);
    expect(json.properties.fit?.enum).toContain("besiroglu2024");
    expect(json.properties.params?.description).toMatch(/70B/);
  });

  it.each([
    ["compute", { params: "175B", tokens: "300B" }],
    ["loss", { params: "70B", tokens: "1.4T", fit: "besiroglu2024" }],
    ["loss", { params: "175B", fit: "kaplan2020" }],
    ["optimal", { flops: "5.76e23" }],
    ["optimal", { targetLoss: "2.1", fit: "hoffmann2022-rounded" }],
    ["training", { flops: "3.14e23", gpu: "a100", gpus: "1024", mfu: "0.4", pricePerGpuHour: "2" }],
    ["whatif", { params: "8B", tokens: "15T" }],
  ])("%s returns what the API returns for %j", async (op, fields) => {
    const outcome = await callTool({ op, ...fields });
    const query = new URLSearchParams(fields as Record<string, string>);
    const api = await getJson(`/api/calculator/${op}?${query}`);
    expect(api.status).toBe(200);
    expect(asJson(outcome).result).toEqual(api.body);
    expect(asJson(outcome).summary).toEqual(expect.any(String));
  });

  it("inferenceOptimal returns what /api/calculator/inference-optimal returns", async () => {
    const fields = { matchParams: "13B", inferenceTokens: "2T" };
    const outcome = await callTool({ op: "inferenceOptimal", ...fields });
    const api = await getJson(`/api/calculator/inference-optimal?${new URLSearchParams(fields)}`);
    expect(api.status).toBe(200);
    expect(asJson(outcome).result).toEqual(api.body);
    expect(asJson(outcome).summary).toMatch(/saves 17/);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ op: "compute", params: "lots", tokens: "1T" }, "params", '"lots" is not a number'],
    [{ op: "loss", params: "1B", tokens: "1T", fit: "gpt-4" }, "fit", 'unknown fit "gpt-4"'],
    [{ op: "training", flops: 1e23, gpu: "a100", gpus: -2 }, "gpus", "must be at least 1"],
    [{ op: "optimal" }, "", "give flops (a budget) or targetLoss"],
  ])("rejects %j with the API's message", async (input, path, message) => {
    const validated = await schema.validate?.(input);
    if (validated?.success !== false) throw new Error("expected the input to be rejected");
    if (!(validated.error instanceof z.ZodError)) throw validated.error;
    const issues = validated.error.issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining(message) }),
    );
    expect(issues.map((i) => i.path.join("."))).toContain(path);
  });
});

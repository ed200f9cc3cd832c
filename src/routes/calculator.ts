import { Hono } from "hono";
import {
  CalculatorError,
  calculate,
  calculationSpec,
  MODEL_PRESETS,
  type Op,
  type ResultFor,
  type SpecFor,
  withCompute,
} from "../calculator";
import type { AppEnv } from "../env";
import { ApiError, validationError } from "../http/errors";

/** A blank form field means "not given", as if the parameter were absent. */
export function withoutBlanks(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value.trim() !== ""));
}

/** Reads the query as a spec for `op` and computes it; bad input becomes the platform's 4xx. */
function answer<O extends Op>(op: O, query: Record<string, string>): ResultFor[O] {
  const parsed = calculationSpec.safeParse({ ...withoutBlanks(query), op });
  if (!parsed.success) throw validationError(parsed.error, "query parameters");
  try {
    // The spec's op is the one just set, so its type is SpecFor<O>.
    return calculate(parsed.data as SpecFor<O>);
  } catch (error) {
    if (error instanceof CalculatorError) throw new ApiError(422, "out_of_range", error.message);
    throw error;
  }
}

/** The scaling-law calculator as JSON, mounted at /api/calculator. */
export const calculatorRoutes = new Hono<AppEnv>()
  .get("/compute", (c) => c.json(answer("compute", c.req.query())))
  .get("/loss", (c) => c.json(answer("loss", c.req.query())))
  .get("/optimal", (c) => c.json(answer("optimal", c.req.query())))
  .get("/inference-optimal", (c) => c.json(answer("inferenceOptimal", c.req.query())))
  .get("/training", (c) => c.json(answer("training", c.req.query())))
  .get("/whatif", (c) => c.json(answer("whatif", c.req.query())))
  .get("/models", (c) => c.json({ models: MODEL_PRESETS.map(withCompute) }));

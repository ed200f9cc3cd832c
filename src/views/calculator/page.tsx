import type { Child } from "hono/jsx";
import {
  FIT_IDS,
  FITS,
  formatChange,
  formatCount,
  formatDuration,
  formatEnergy,
  formatLoss,
  formatNumber,
  formatRatio,
  formatScientific,
  formatUsd,
  GPU_IDS,
  GPUS,
  getFit,
  type LossChange,
  lossOf,
  MODEL_PRESETS,
  withCompute,
} from "../../calculator";
import { Layout } from "../layout";
import { ScrollRegion } from "../scroll-region";
import { FORM_FIELDS, type FormField, type PageState } from "./page-state";
import { FrontierChart, IsoFlopChart, LossVsParamsChart } from "./plots";

type FieldProps = {
  state: PageState;
  name: FormField;
  label: string;
  hint: string;
  children?: Child;
};

function Field({ state, name, label, hint, children }: FieldProps) {
  const error = state.errors[name];
  const described = [`${name}-hint`, error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={`field-${name}`}>{label}</label>
      {children ?? (
        <input
          id={`field-${name}`}
          name={name}
          value={state.values[name]}
          autocomplete="off"
          spellcheck={false}
          aria-describedby={described}
          aria-invalid={error ? "true" : undefined}
        />
      )}
      <small id={`${name}-hint`} class="hint">
        {hint}
      </small>
      {error && (
        <p id={`${name}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Choice({
  state,
  name,
  options,
}: {
  state: PageState;
  name: FormField;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <select id={`field-${name}`} name={name} aria-describedby={`${name}-hint`}>
      {options.map((o) => (
        <option value={o.value} selected={state.values[name] === o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A link that loads a published model into the form and keeps the other fields. */
function presetHref(state: PageState, params: number, tokens: number): string {
  const query = new URLSearchParams();
  for (const field of FORM_FIELDS) query.set(field, state.values[field]);
  query.set("params", formatCount(params));
  query.set("tokens", formatCount(tokens));
  return `/calculator?${query}`;
}

function CalculatorForm({ state }: { state: PageState }) {
  return (
    <form class="calc-form card" method="get" action="/calculator">
      <fieldset>
        <legend>Model</legend>
        <Field state={state} name="params" label="Parameters" hint="e.g. 70B, 175e9, 1.4T" />
        <Field state={state} name="tokens" label="Training tokens" hint="e.g. 1.4T, 300B" />
        <p class="presets">
          Published models:{" "}
          {MODEL_PRESETS.map((m, i) => (
            <>
              {i > 0 && ", "}
              <a href={presetHref(state, m.params, m.tokens)}>{m.name}</a>
            </>
          ))}
        </p>
      </fieldset>
      <fieldset>
        <legend>Budget and fit</legend>
        <Field
          state={state}
          name="flops"
          label="Compute budget (FLOP)"
          hint="e.g. 5.76e23, Gopher's budget"
        />
        <Field
          state={state}
          name="fit"
          label="Scaling-law fit"
          hint="Which published fit predicts the loss"
        >
          <Choice
            state={state}
            name="fit"
            options={FIT_IDS.map((id) => ({ value: id, label: FITS[id].name }))}
          />
        </Field>
      </fieldset>
      <fieldset>
        <legend>Hardware</legend>
        <Field state={state} name="gpu" label="GPU" hint="Dense BF16 peak, from the datasheet">
          <Choice
            state={state}
            name="gpu"
            options={GPU_IDS.map((id) => ({ value: id, label: GPUS[id].name }))}
          />
        </Field>
        <Field state={state} name="gpus" label="Number of GPUs" hint="e.g. 1024" />
        <Field
          state={state}
          name="mfu"
          label="Utilisation (MFU)"
          hint="Large runs reach roughly 20-50%"
        />
        <Field
          state={state}
          name="pricePerGpuHour"
          label="Price per GPU-hour (USD, optional)"
          hint="Leave empty to skip the cost"
        />
      </fieldset>
      {state.formErrors.length > 0 && (
        <ul class="form-error">
          {state.formErrors.map((message) => (
            <li>{message}</li>
          ))}
        </ul>
      )}
      <button type="submit">Calculate</button>
    </form>
  );
}

function Figure({ label, value, note }: { label: string; value: Child; note?: Child }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <span class="value">{value}</span>
        {note && <span class="note"> {note}</span>}
      </dd>
    </div>
  );
}

function Card({ title, summary, children }: { title: string; summary?: string; children: Child }) {
  return (
    <article class="card result">
      <h3>{title}</h3>
      <dl>{children}</dl>
      {summary && <p class="summary">{summary}</p>}
    </article>
  );
}

const changeText = (c: LossChange | null) =>
  c === null
    ? "needs tokens"
    : `${formatLoss(c.before)} → ${formatLoss(c.after)} (${formatChange(c.relativeChange)})`;

function Results({ state }: { state: PageState }) {
  const { compute, loss, optimal, training, whatif } = state;
  return (
    <section class="calc-results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {compute && (
        <Card title="Training compute" summary={compute.summary}>
          <Figure label="FLOP (6ND)" value={formatScientific(compute.result.flops)} />
          <Figure label="PF-days" value={formatNumber(compute.result.pfDays)} />
        </Card>
      )}
      {loss && (
        <Card title="Predicted loss">
          <Figure label="Loss" value={formatLoss(loss.result.loss)} note="nats/token" />
          <Figure label="Law" value={loss.result.fit.law} note={loss.result.fit.source} />
        </Card>
      )}
      {optimal && (
        <Card title="Compute-optimal at your budget" summary={optimal.summary}>
          <Figure label="Parameters" value={formatCount(optimal.result.params)} />
          <Figure label="Tokens" value={formatCount(optimal.result.tokens)} />
          <Figure label="Tokens per parameter" value={formatRatio(optimal.result.tokensPerParam)} />
          <Figure label="Loss" value={formatLoss(optimal.result.loss)} note="nats/token" />
        </Card>
      )}
      {training && (
        <Card title="Training your model on this hardware" summary={training.summary}>
          <Figure label="Wall-clock" value={formatDuration(training.result.days)} />
          <Figure label="GPU-hours" value={formatCount(training.result.gpuHours)} />
          <Figure label="GPU energy" value={formatEnergy(training.result.energyKwh)} />
          <Figure
            label="Cost"
            value={training.result.costUsd === null ? "—" : formatUsd(training.result.costUsd)}
            note={training.result.costUsd === null ? "give a price per GPU-hour" : undefined}
          />
        </Card>
      )}
      {whatif && (
        <Card title="What if">
          <Figure label="Double the parameters" value={changeText(whatif.result.doubleParams)} />
          <Figure label="Double the tokens" value={changeText(whatif.result.doubleTokens)} />
          <Figure
            label="Double the compute, spent optimally"
            value={changeText(whatif.result.doubleCompute)}
          />
          {whatif.result.sameBudget && (
            <Figure
              label="Optimal model for the same compute"
              value={`${formatCount(whatif.result.sameBudget.optimal.params)} parameters on ${formatCount(whatif.result.sameBudget.optimal.tokens)} tokens`}
              note={`loss ${formatLoss(whatif.result.sameBudget.lossGap)} lower; yours is ${formatRatio(whatif.result.sameBudget.paramsRatio)}× its size`}
            />
          )}
          {whatif.result.notes.map((note) => (
            <p class="note">{note}</p>
          ))}
        </Card>
      )}
    </section>
  );
}

function Plots({ state }: { state: PageState }) {
  const fit = getFit(state.fitId);
  const model = state.compute?.spec;
  const loss = state.loss?.result.loss;
  const budget = state.optimal?.result.flops;
  if (!model || loss === undefined || budget === undefined) {
    return <p class="chart-note">Fix the fields marked above to see the plots.</p>;
  }
  return (
    <section class="calc-plots" aria-labelledby="plots-heading">
      <h2 id="plots-heading">Plots</h2>
      <LossVsParamsChart fit={fit} model={{ ...model, loss }} />
      <IsoFlopChart fit={fit} budget={budget} />
      <FrontierChart fit={fit} model={model} budget={budget} />
    </section>
  );
}

function Sources({ state }: { state: PageState }) {
  const fit = getFit(state.fitId);
  return (
    <section class="calc-sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Published models and sources</h2>
      <ScrollRegion label="Published models table">
        <table>
          <caption>Compute by 6ND; loss from {fit.name}.</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Parameters</th>
              <th scope="col">Tokens</th>
              <th scope="col">Tokens per parameter</th>
              <th scope="col">Compute (FLOP)</th>
              <th scope="col">Loss</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {MODEL_PRESETS.map(withCompute).map((m) => (
              <tr>
                <th scope="row">{m.name}</th>
                <td>{formatCount(m.params)}</td>
                <td>{formatCount(m.tokens)}</td>
                <td>{formatRatio(m.tokensPerParam)}</td>
                <td>{formatScientific(m.flops)}</td>
                <td>{formatLoss(lossOf(fit, { params: m.params, tokens: m.tokens }).loss)}</td>
                <td class="source">{m.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h3>Fits</h3>
      <ul class="source-list">
        {FIT_IDS.map((id) => (
          <li>
            <strong>{FITS[id].name}</strong> ({id}): {FITS[id].source}
          </li>
        ))}
      </ul>
      <h3>GPUs</h3>
      <ul class="source-list">
        {GPU_IDS.map((id) => (
          <li>
            <strong>{GPUS[id].name}</strong>: {GPUS[id].source}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CalculatorPage({ state }: { state: PageState }) {
  return (
    <Layout title="Scaling-law calculator" section="calculator" styles={["calculator.css"]}>
      <div class="calculator">
        <h1>Scaling-law calculator</h1>
        <p class="lead">
          Set a model, a compute budget and hardware. Every number comes from a published scaling
          law, named with its source, and the plots redraw from the same numbers.
        </p>
        <div class="calc-layout">
          <CalculatorForm state={state} />
          <Results state={state} />
        </div>
        <Plots state={state} />
        <Sources state={state} />
      </div>
    </Layout>
  );
}

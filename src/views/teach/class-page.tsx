import type { MisconceptionBucket } from "../../teach/answer-distribution";
import type { ClassReport } from "../../teach/class-report";
import { countLabel } from "../../teach/format";
import { kcTitle, refreshedText, unansweredText } from "../../teach/labels";
import { type LearnerProgress, STUCK_AFTER_STRUGGLES } from "../../teach/learner-progress";
import type { FlaggedMessage } from "../../teach/teacher-messages";
import { Layout } from "../layout";
import { ScrollRegion } from "../scroll-region";
import { FlagItem } from "./flag-item";
import { AttentionEntry, HeatmapRow, LearnerRow, StuckItem } from "./learner-views";
import { LogOutButton } from "./log-out-button";
import { ExampleItem, MisconceptionRow, NodeItem, QuestionCard } from "./question-views";

/** How often the page asks for fresh numbers while it is open. */
export const REFRESH_SECONDS = 5;

// Empty rows for the <template>s teach.js clones when a new learner, idea or flag shows up.
const blankLearner: LearnerProgress = {
  id: "",
  name: "",
  progress: 0,
  masteredCount: 0,
  nodeId: null,
  nodeTitle: null,
  mastery: {},
  lastActiveAt: 0,
  completedAt: null,
  flags: 0,
  wrongAnswers: 0,
  hints: 0,
  stuck: false,
};
const blankMisconception: MisconceptionBucket = { id: "", description: "", count: 0, examples: [] };
const blankFlag: FlaggedMessage = {
  id: "",
  learnerId: "",
  learnerName: "",
  nodeId: "",
  nodeTitle: "",
  flag: "",
  label: "",
  reason: null,
  text: "",
  createdAt: 0,
};

type Props = { report: ClassReport; flags: FlaggedMessage[]; now: number };

export function ClassPage({ report, flags, now }: Props) {
  const classId = report.class.id;
  const api = `/api/classes/${classId}`;
  const kcTotal = report.knowledgeComponents.length;
  const byId = new Map(report.learners.map((learner) => [learner.id, learner]));
  const stuck = report.stuck.flatMap((id) => byId.get(id) ?? []);
  const busiest = Math.max(0, ...report.nodes.map((node) => node.learners));
  const unanswered = unansweredText(report.questions);
  return (
    <Layout title={report.class.name} section="teach" scripts={["teach.js"]} styles={["teach.css"]}>
      <div
        id="class-view"
        data-class-id={classId}
        data-progress-url={`${api}/progress`}
        data-flags-url={`${api}/flags`}
        data-refresh-seconds={String(REFRESH_SECONDS)}
      >
        <div class="page-heading">
          <div>
            <p class="breadcrumb">
              <a href="/teach">Your classes</a>
            </p>
            <h1>{report.class.name}</h1>
            <p>
              Join code <strong class="join-code">{report.class.code}</strong> ·{" "}
              {report.lesson.title}
            </p>
          </div>
          <div class="heading-actions">
            <a class="button" href={`/teach/classes/${classId}/review`}>
              Review grading
            </a>
            <a class="button secondary" href={`${api}/export.csv`} download>
              Download CSV
            </a>
            <a class="button secondary" href={`${api}/xapi`} download>
              Download xAPI
            </a>
            <LogOutButton />
          </div>
        </div>
        <p class="live-status" role="status" data-field="live-status">
          {refreshedText(REFRESH_SECONDS)}
        </p>

        <section aria-labelledby="stuck-heading" class="card stuck">
          <h2 id="stuck-heading">Stuck learners</h2>
          <p class="hint">
            {STUCK_AFTER_STRUGGLES} or more wrong answers and hints on the question they are on,
            most struggling first.
          </p>
          <ol id="stuck-list">
            {stuck.map((learner) => (
              <StuckItem learner={learner} classId={classId} />
            ))}
          </ol>
          <p class="empty" data-field="stuck-empty" hidden={stuck.length > 0}>
            No one is stuck right now.
          </p>
        </section>

        <section aria-labelledby="attention-heading" class="card attention">
          <h2 id="attention-heading">Needs attention</h2>
          <p class="hint">
            Finished without mastering, skipping through hints, gaming the grader, or flagged.
          </p>
          <ol id="attention-list">
            {report.needsAttention.map((item) => (
              <AttentionEntry item={item} classId={classId} />
            ))}
          </ol>
          <p class="empty" data-field="attention-empty" hidden={report.needsAttention.length > 0}>
            No one needs attention right now.
          </p>
        </section>

        <section aria-labelledby="learners-heading">
          <h2 id="learners-heading">
            Learners (<span data-field="learner-count">{String(report.learners.length)}</span>)
          </h2>
          <ScrollRegion label="Learners table">
            <table class="learners">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Where</th>
                  <th scope="col">Last active</th>
                  <th scope="col">Flags</th>
                </tr>
              </thead>
              <tbody id="learner-rows">
                {report.learners.map((learner) => (
                  <LearnerRow learner={learner} classId={classId} now={now} kcTotal={kcTotal} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p class="empty" data-field="learners-empty" hidden={report.learners.length > 0}>
            No learners yet. Share the join code {report.class.code}: learners appear here as they
            join.
          </p>
        </section>

        <section aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading">Mastery by idea</h2>
          <p class="legend hint" aria-hidden="true">
            Percent likely mastered: <span class="swatch heat-none" /> not practised{" "}
            <span class="swatch heat-0" /> low <span class="swatch heat-2" /> growing{" "}
            <span class="swatch heat-4" /> nearly <span class="swatch heat-mastered" /> mastered
          </p>
          <ScrollRegion label="Mastery by idea table">
            <table class="heatmap">
              <caption class="visually-hidden">
                How likely each learner has mastered each idea of the lesson, in percent (empty: not
                practised yet)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  {report.knowledgeComponents.map((kc) => (
                    <th scope="col" class="kc-heading">
                      <abbr title={`${kc.description} (${kc.id})`}>{kcTitle(kc.id)}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody id="heatmap-rows">
                {report.learners.map((learner) => (
                  <HeatmapRow learner={learner} kcs={report.knowledgeComponents} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>

        <section aria-labelledby="flags-heading">
          <h2 id="flags-heading">Flagged messages</h2>
          <p class="hint">
            Attempts to get the answers or override the tutor, abuse, and personal data, newest
            first.
          </p>
          <ol class="flag-list" id="flag-list">
            {flags.map((flag) => (
              <FlagItem flag={flag} classId={classId} now={now} />
            ))}
          </ol>
          <p class="empty" data-field="flags-empty" hidden={flags.length > 0}>
            Nothing flagged.
          </p>
        </section>

        <section aria-labelledby="flow-heading">
          <h2 id="flow-heading">Where learners are</h2>
          <p class="hint">
            <span data-field="not-started">
              {countLabel(report.notStarted, "learner", "learners")}
            </span>{" "}
            not started ·{" "}
            <span data-field="finished">{countLabel(report.finished, "learner", "learners")}</span>{" "}
            finished
          </p>
          <ol class="flow" id="node-flow">
            {report.nodes.map((node) => (
              <NodeItem node={node} max={busiest} />
            ))}
          </ol>
        </section>

        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">Answers to check questions</h2>
          <p class="hint">Wrong ideas are listed most common first, with real answers.</p>
          <p class="unanswered" data-field="unanswered" hidden={unanswered === ""}>
            {unanswered}
          </p>
          <div class="questions">
            {report.questions.map((question) => (
              <QuestionCard question={question} classId={classId} />
            ))}
          </div>
        </section>
      </div>

      <template id="tpl-stuck">
        <StuckItem learner={blankLearner} classId={classId} />
      </template>
      <template id="tpl-attention">
        <AttentionEntry item={{ learnerId: "", learnerName: "", reasons: [] }} classId={classId} />
      </template>
      <template id="tpl-learner">
        <LearnerRow learner={blankLearner} classId={classId} now={now} kcTotal={kcTotal} />
      </template>
      <template id="tpl-heatmap">
        <HeatmapRow learner={blankLearner} kcs={report.knowledgeComponents} />
      </template>
      <template id="tpl-misconception">
        <MisconceptionRow bucket={blankMisconception} attempts={0} classId={classId} />
      </template>
      <template id="tpl-example">
        <ExampleItem example={{ learnerId: "", learnerName: "", text: "" }} classId={classId} />
      </template>
      <template id="tpl-flag">
        <FlagItem flag={blankFlag} classId={classId} now={now} />
      </template>
    </Layout>
  );
}

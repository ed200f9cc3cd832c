import type {
  ExampleAnswer,
  MisconceptionBucket,
  QuestionDistribution,
} from "../../teach/answer-distribution";
import type { AttentionItem } from "../../teach/attention";
import type { ClassReport, NodeCount } from "../../teach/class-report";
import {
  countLabel,
  formatAgo,
  formatPercent,
  heatClass,
  heatText,
  masteryLabel,
} from "../../teach/format";
import {
  answersSummary,
  attentionText,
  progressText,
  refreshedText,
  refreshFailedText,
  sharePercent,
  struggleText,
  transcriptPath,
  unansweredText,
  whereText,
} from "../../teach/labels";
import type { LearnerProgress } from "../../teach/learner-progress";
import type { FlaggedMessage } from "../../teach/teacher-messages";
import { callApi } from "../api";
import { field, replaceAll, setBar, setText, syncKeyed } from "./dom";

/** Keeps the class view current by polling its JSON and writing the numbers in as text. */
export class LiveClassView {
  private readonly classId: string;
  private readonly seconds: number;

  constructor(private readonly root: HTMLElement) {
    this.classId = root.dataset.classId ?? "";
    this.seconds = Number(root.dataset.refreshSeconds) || 5;
  }

  start() {
    const tick = async () => {
      if (!document.hidden) await this.refresh();
      setTimeout(tick, this.seconds * 1000);
    };
    setTimeout(tick, this.seconds * 1000);
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) void this.refresh();
    });
  }

  async refresh() {
    const [progress, flags] = await Promise.all([
      callApi<ClassReport>("GET", this.root.dataset.progressUrl ?? ""),
      callApi<{ flags: FlaggedMessage[] }>("GET", this.root.dataset.flagsUrl ?? ""),
    ]);
    if (!progress.ok) {
      setText(this.root, "live-status", refreshFailedText(progress.message, this.seconds));
      return;
    }
    this.showReport(progress.data);
    if (flags.ok) this.showFlags(flags.data.flags);
    this.refreshTimes();
    setText(this.root, "live-status", refreshedText(this.seconds));
  }

  private showReport(report: ClassReport) {
    const byId = new Map(report.learners.map((learner) => [learner.id, learner]));
    const stuck = report.stuck.flatMap((id) => byId.get(id) ?? []);
    const total = report.knowledgeComponents.length;
    const byKey = (learner: LearnerProgress) => learner.id;

    syncKeyed(this.part("#stuck-list"), stuck, byKey, "tpl-stuck", (item, learner) => {
      this.fillLearnerLink(item, "name", learner.id, learner.name);
      setText(item, "struggle", struggleText(learner));
    });
    this.toggle("stuck-empty", stuck.length === 0);

    const attention = report.needsAttention;
    const byLearner = (item: AttentionItem) => item.learnerId;
    syncKeyed(
      this.part("#attention-list"),
      attention,
      byLearner,
      "tpl-attention",
      (item, entry) => {
        this.fillLearnerLink(item, "name", entry.learnerId, entry.learnerName);
        setText(item, "reasons", attentionText(entry));
      },
    );
    this.toggle("attention-empty", attention.length === 0);

    setText(this.root, "learner-count", String(report.learners.length));
    this.toggle("learners-empty", report.learners.length === 0);
    syncKeyed(this.part("#learner-rows"), report.learners, byKey, "tpl-learner", (row, learner) =>
      this.fillLearnerRow(row, learner, total),
    );
    syncKeyed(this.part("#heatmap-rows"), report.learners, byKey, "tpl-heatmap", (row, learner) =>
      this.fillHeatmapRow(row as HTMLTableRowElement, learner, report),
    );

    setText(this.root, "not-started", countLabel(report.notStarted, "learner", "learners"));
    setText(this.root, "finished", countLabel(report.finished, "learner", "learners"));
    const busiest = Math.max(0, ...report.nodes.map((node) => node.learners));
    for (const node of report.nodes) this.fillNode(node, busiest);

    const unanswered = unansweredText(report.questions);
    setText(this.root, "unanswered", unanswered);
    this.toggle("unanswered", unanswered !== "");
    for (const question of report.questions) this.fillQuestion(question);
  }

  /** A link to the learner's transcript, named by what the learner typed (as text). */
  private fillLearnerLink(root: Element, name: string, learnerId: string, learnerName: string) {
    const link = field<HTMLAnchorElement>(root, name);
    if (!link) return;
    link.textContent = learnerName;
    link.href = transcriptPath(this.classId, learnerId);
  }

  private fillLearnerRow(row: HTMLElement, learner: LearnerProgress, total: number) {
    this.fillLearnerLink(row, "name", learner.id, learner.name);
    const bar = field<HTMLProgressElement>(row, "progress");
    if (bar) {
      bar.value = learner.progress;
      bar.textContent = formatPercent(learner.progress);
    }
    setText(row, "progress-text", progressText(learner, total));
    setText(row, "where", whereText(learner));
    field(row, "last-active")?.setAttribute("data-at", String(learner.lastActiveAt));
    const flags = field(row, "flags");
    if (flags) {
      flags.textContent = String(learner.flags);
      flags.classList.toggle("has-flags", learner.flags > 0);
    }
  }

  private fillHeatmapRow(row: HTMLTableRowElement, learner: LearnerProgress, report: ClassReport) {
    setText(row, "name", learner.name);
    report.knowledgeComponents.forEach((kc, i) => {
      // Cells follow the column headings; the row's first cell is the learner's name.
      const cell = row.cells[i + 1];
      if (!cell) return;
      const value = learner.mastery[kc.id];
      cell.className = heatClass(value);
      cell.title = masteryLabel(value);
      cell.textContent = heatText(value);
    });
  }

  private fillNode(node: NodeCount, busiest: number) {
    const item = this.root.querySelector(`[data-node="${CSS.escape(node.id)}"]`);
    if (!item) return;
    setText(item, "count", String(node.learners));
    setText(item, "count-label", node.learners === 1 ? "learner" : "learners");
    setBar(item, "bar", busiest === 0 ? 0 : Math.round((node.learners / busiest) * 100));
  }

  private fillQuestion(question: QuestionDistribution) {
    const card = this.root.querySelector<HTMLElement>(
      `[data-question="${CSS.escape(question.nodeId)}"]`,
    );
    if (!card) return;
    const { attempts } = question;
    card.hidden = attempts === 0;
    setText(card, "summary", answersSummary(question));
    setText(card, "correct", String(question.correct));
    setBar(card, "correct-bar", sharePercent(question.correct, attempts));
    setText(card, "partial", String(question.partial));
    setBar(card, "partial-bar", sharePercent(question.partial, attempts));
    setText(card, "other", String(question.other.count));
    setBar(card, "other-bar", sharePercent(question.other.count, attempts));
    const otherExamples = card.querySelector(".bucket-other [data-list=examples]");
    if (otherExamples) this.fillExamples(otherExamples, question.other.examples);
    const misconceptions = card.querySelector("[data-list=misconceptions]");
    if (!misconceptions) return;
    syncKeyed(
      misconceptions,
      question.misconceptions,
      (bucket) => bucket.id,
      "tpl-misconception",
      (row, bucket: MisconceptionBucket) => {
        setText(row, "description", bucket.description);
        setText(row, "count", String(bucket.count));
        setBar(row, "bar", sharePercent(bucket.count, attempts));
        const examples = row.querySelector("[data-list=examples]");
        if (examples) this.fillExamples(examples, bucket.examples);
      },
    );
  }

  private fillExamples(list: Element, examples: readonly ExampleAnswer[]) {
    replaceAll(list, examples, "tpl-example", (item, example) => {
      setText(item, "text", example.text);
      this.fillLearnerLink(item, "learner", example.learnerId, example.learnerName);
    });
  }

  private showFlags(flags: readonly FlaggedMessage[]) {
    syncKeyed(
      this.part("#flag-list"),
      flags,
      (flag) => flag.id,
      "tpl-flag",
      (item, flag) => {
        setText(item, "label", flag.label);
        this.fillLearnerLink(item, "learner", flag.learnerId, flag.learnerName);
        setText(item, "node", flag.nodeTitle);
        field(item, "at")?.setAttribute("data-at", String(flag.createdAt));
        setText(item, "text", flag.text);
        setText(item, "reason", flag.reason ?? "");
      },
    );
    this.toggle("flags-empty", flags.length === 0);
  }

  /** Relative times ("5 min ago") move on even when nothing else changed. */
  private refreshTimes() {
    const now = Date.now();
    for (const time of this.root.querySelectorAll<HTMLTimeElement>("time[data-at]")) {
      const at = Number(time.dataset.at);
      time.dateTime = new Date(at).toISOString();
      time.textContent = formatAgo(at, now);
    }
  }

  private toggle(name: string, shown: boolean) {
    const element = field(this.root, name);
    if (element) element.hidden = !shown;
  }

  private part(selector: string): Element {
    const found = this.root.querySelector(selector);
    if (!found) throw new Error(`The class view has no ${selector}`);
    return found;
  }
}

import type { AttentionItem } from "../../teach/attention";
import type { ClassReport } from "../../teach/class-report";
import { formatPercent, heatClass, heatText, masteryLabel } from "../../teach/format";
import {
  attentionText,
  progressText,
  struggleText,
  transcriptPath,
  whereText,
} from "../../teach/labels";
import type { LearnerProgress } from "../../teach/learner-progress";
import { TimeAgo } from "./bits";

export function StuckItem({ learner, classId }: { learner: LearnerProgress; classId: string }) {
  return (
    <li data-key={learner.id}>
      <a data-field="name" href={transcriptPath(classId, learner.id)}>
        {learner.name}
      </a>{" "}
      <span data-field="struggle">{struggleText(learner)}</span>
    </li>
  );
}

export function AttentionEntry({ item, classId }: { item: AttentionItem; classId: string }) {
  return (
    <li data-key={item.learnerId}>
      <a data-field="name" href={transcriptPath(classId, item.learnerId)}>
        {item.learnerName}
      </a>{" "}
      <span data-field="reasons">{attentionText(item)}</span>
    </li>
  );
}

export function LearnerRow(props: {
  learner: LearnerProgress;
  classId: string;
  now: number;
  kcTotal: number;
}) {
  const { learner, classId } = props;
  return (
    <tr data-key={learner.id}>
      <th scope="row">
        <a data-field="name" href={transcriptPath(classId, learner.id)}>
          {learner.name}
        </a>
      </th>
      <td class="progress-cell">
        <progress data-field="progress" max="1" value={String(learner.progress)}>
          {formatPercent(learner.progress)}
        </progress>
        <span data-field="progress-text">{progressText(learner, props.kcTotal)}</span>
      </td>
      <td data-field="where">{whereText(learner)}</td>
      <td>
        <TimeAgo field="last-active" at={learner.lastActiveAt} now={props.now} />
      </td>
      <td data-field="flags" class={learner.flags > 0 ? "flag-count has-flags" : "flag-count"}>
        {String(learner.flags)}
      </td>
    </tr>
  );
}

export function HeatmapRow({
  learner,
  kcs,
}: {
  learner: LearnerProgress;
  kcs: ClassReport["knowledgeComponents"];
}) {
  return (
    <tr data-key={learner.id}>
      <th scope="row" data-field="name">
        {learner.name}
      </th>
      {kcs.map((kc) => {
        const value = learner.mastery[kc.id];
        return (
          <td class={heatClass(value)} title={masteryLabel(value)}>
            {heatText(value)}
          </td>
        );
      })}
    </tr>
  );
}

// One kind across groups and releases: its lifecycle facts per group/version and its matrix rows.
// Shared by /ui/kinds/{kind} and /embed/kinds/{kind}; facts from src/timeline.
import { displayGroup } from "../../diff/group-name";
import { groupVersion } from "../../discovery/model";
import type { MatrixRow } from "../../matrix/availability";
import type { ResourceTimeline } from "../../timeline/timeline";
import { MatrixTable } from "./matrix-table";

export interface KindFacts { row: MatrixRow; timeline: ResourceTimeline }

const dash = (s: string | null | undefined) => s ?? "–";

export function KindView({ kind, facts, releases, columns, target }: { kind: string; facts: KindFacts[]; releases: string[]; columns: number[]; target?: "_blank" }) {
  const rel = target ? "noopener" : undefined;
  return (
    <>
      <table class="list">
        <caption class="sr">{kind} by group/version</caption>
        <thead><tr>
          <th scope="col">group/version</th><th scope="col">first served</th><th scope="col">last served</th><th scope="col">introduced</th>
          <th scope="col">deprecated</th><th scope="col">removed</th><th scope="col">use instead</th><th scope="col">JSON</th>
        </tr></thead>
        <tbody>
          {facts.map(({ row, timeline: t }) => {
            const life = t.lifecycle;
            const r = life?.replacement;
            return (
              <tr>
                <th scope="row">{row.groupVersion}</th>
                <td>{dash(t.firstServed)}</td>
                <td>{t.lastServed === null ? "never" : t.notServedFrom === null ? `${t.lastServed} (still served)` : t.lastServed}</td>
                <td>{dash(life?.introduced)}</td>
                <td>{dash(life?.deprecated)}</td>
                <td>{dash(t.notServedFrom ?? life?.removed)}</td>
                <td>{r ? `${groupVersion(r.group, r.version)} ${r.kind}` : "–"}</td>
                <td><a href={`/v1/timeline/${displayGroup(row.group)}/${row.version}/${encodeURIComponent(kind)}`} target={target} rel={rel}>timeline</a></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>Per release</h2>
      <MatrixTable releases={releases} rows={facts.map((f) => f.row)} columns={columns} caption={`${kind} by Kubernetes release`} target={target} />
    </>
  );
}

// /ui/matrix: group/versions or resources × Kubernetes releases.
import type { AvailabilityMatrix } from "../../matrix/availability";
import type { MatrixSelection, SelectedMatrix } from "../../matrix/select";
import { Page } from "./layout";
import { MatrixFilters } from "./matrix-filters";
import { Legend, MatrixTable } from "./matrix-table";

export function MatrixPage({ matrix, groups, selection, selected, json }: { matrix: AvailabilityMatrix; groups: string[]; selection: MatrixSelection; selected: SelectedMatrix; json: string }) {
  const what = selection.view === "resources" ? "resources" : "group/versions";
  return (
    <Page title="API availability matrix" json={json} wide>
      <h1>Which Kubernetes release serves which API</h1>
      <p>Each cell says whether a default kube-apiserver of that release serves the {what === "resources" ? "resource" : "group/version"}.
        “Off by default” means the release has it but does not serve it unless enabled (alpha, and betas introduced in 1.24 or later).</p>
      <MatrixFilters action="/ui/matrix" releases={matrix.releases} groups={groups} selection={selection} />
      <Legend />
      <p class="muted">{selected.rows.length} {what}, {selected.columns.length} releases.</p>
      <MatrixTable releases={matrix.releases} rows={selected.rows} columns={selected.columns} caption={`Availability of ${what} by Kubernetes release`} />
    </Page>
  );
}

// /ui/kinds/{kind}: one kind across groups and releases.
import { Page } from "./layout";
import { KindView, type KindFacts } from "./kind-view";
import { KindFieldsView, type KindFields } from "./kind-fields";
import { Legend } from "./matrix-table";

export function KindPage({ kind, facts, releases, fields }: { kind: string; facts: KindFacts[]; releases: string[]; fields: KindFields[] }) {
  const first = facts[0]?.row;
  return (
    <Page title={`${kind} across Kubernetes releases`} json={first ? `/v1/timeline/${first.group === "" ? "core" : first.group}/${first.version}/${encodeURIComponent(kind)}` : undefined}>
      <h1>{kind}</h1>
      <p>{kind} is served by {facts.length} group/version{facts.length === 1 ? "" : "s"} across releases {releases[0]}–{releases.at(-1)}.
        Embed this: <code>{`<iframe src="/embed/kinds/${encodeURIComponent(kind)}">`}</code></p>
      <Legend />
      <KindView kind={kind} facts={facts} releases={releases} columns={releases.map((_, i) => i)} />
      <KindFieldsView kind={kind} fields={fields} releases={releases} />
    </Page>
  );
}

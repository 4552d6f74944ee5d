// /ui/versions/{version}: one snapshot's groups, versions (preferred first) and resources.
import type { GroupModel, ResourceModel } from "../../discovery/model";
import { groupVersion } from "../../discovery/model";
import { displayGroup } from "../../diff/group-name";
import type { CatalogSnapshot } from "../../store/catalog";
import { Page } from "./layout";

const docPath = (id: string, group: string, version: string) => (group === "" ? `/k8s/${id}/api/${version}` : `/k8s/${id}/apis/${group}/${version}`);
const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(", ") : "–");

function Resources({ resources }: { resources: ResourceModel[] }) {
  return (
    <table class="list">
      <thead><tr><th scope="col">resource</th><th scope="col">kind</th><th scope="col">scope</th><th scope="col">verbs</th><th scope="col">short names</th><th scope="col">subresources</th></tr></thead>
      <tbody>
        {resources.map((r) => (
          <tr>
            <td>{r.resource}</td>
            <td><a href={`/ui/kinds/${encodeURIComponent(r.kind)}`}>{r.kind}</a></td>
            <td>{r.namespaced ? "Namespaced" : "Cluster"}</td>
            <td>{list(r.verbs)}</td>
            <td>{list(r.shortNames)}</td>
            <td>{list(r.subresources.map((s) => s.subresource))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface VersionPageProps { snap: CatalogSnapshot; groups: GroupModel[]; previous: string | null; next: string | null }

export function VersionPage({ snap, groups, previous, next }: VersionPageProps) {
  const id = snap.id;
  return (
    <Page title={`Kubernetes ${id} discovery`} json={`/k8s/${id}/apis`}>
      <h1>Kubernetes {id} <span class="muted">{snap.gitVersion ?? ""}</span></h1>
      <p>{snap.counts.groups} groups, {snap.counts.groupVersions} group/versions, {snap.counts.resources} resources ·
        {snap.provenance === "built" ? " built from the public API reference" : " captured from a running cluster"} ·
        aggregated discovery: {snap.aggregatedDiscovery.length ? snap.aggregatedDiscovery.join(", ") : "not served"}</p>
      <p>Raw documents: <a href={`/k8s/${id}/api`}>/api</a> · <a href={`/k8s/${id}/apis`}>/apis</a> · <a href={`/k8s/${id}/version`}>/version</a> · <a href={`/k8s/${id}/helm-api-versions`}>Helm API versions</a>
        {previous ? <> · <a href={`/ui/diff?from=${previous}&to=${id}`}>diff from {previous}</a></> : null}
        {next ? <> · <a href={`/ui/versions/${next}`}>next: {next}</a></> : null}</p>
      {snap.unknownResources.length ? (
        <section aria-label="Not established">
          <p>Not listed below, because this snapshot's sources do not settle whether {id} serves them:</p>
          <ul class="tight">{snap.unknownResources.map((r) => <li>? {r.groupVersion} <strong>{r.kind}</strong> ({r.resource}) — {r.reason}</li>)}</ul>
        </section>
      ) : null}
      <nav aria-label="Groups"><p>{groups.map((g, i) => <>{i ? " · " : ""}<a href={`#g-${displayGroup(g.name)}`}>{displayGroup(g.name)}</a></>)}</p></nav>
      {groups.map((g) => (
        <section id={`g-${displayGroup(g.name)}`}>
          <h2>{displayGroup(g.name)}</h2>
          {g.versions.map((v, i) => (
            <>
              <h3>{groupVersion(g.name, v.version)} {i === 0 ? <span class="tag">preferred</span> : null} <a class="raw" href={docPath(id, g.name, v.version)}>raw document</a></h3>
              <Resources resources={v.resources} />
            </>
          ))}
        </section>
      ))}
    </Page>
  );
}

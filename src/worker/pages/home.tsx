// "/": what the service is, the versions it serves, a search box and copy-paste examples.
import type { CatalogSnapshot } from "../../store/catalog";
import { Page } from "./layout";
import { SearchBox } from "./search-box";

export function HomePage({ origin, snapshots, latest }: { origin: string; snapshots: CatalogSnapshot[]; latest: string }) {
  const examples = [
    ["curl", `curl -s ${origin}/k8s/${latest}/apis/apps/v1`],
    ["kubectl", `kubectl --kubeconfig /dev/null --server ${origin}/k8s/${latest} api-resources`],
    ["kds check", `npx kds check --server ${origin} --target 1.24,${latest} manifests/`],
    ["iframe", `<iframe src="${origin}/embed/kinds/Ingress?theme=auto" width="100%" height="320" title="Ingress across Kubernetes releases"></iframe>`],
    ["badge (Markdown)", `![policy/v1beta1 PodDisruptionBudget](${origin}/badge/policy/v1beta1/PodDisruptionBudget.svg)`],
  ];
  return (
    <Page title="Kubernetes API discovery, release by release" json="/v1/versions">
      <h1>Kubernetes API discovery, release by release</h1>
      <p>This service serves the discovery documents of every Kubernetes release from {snapshots[0]?.kubernetesVersion} on, byte for byte as kube-apiserver would, so <code>kubectl</code>, Helm and scripts can ask any release what it serves.
        It also tells what an upgrade adds, deprecates and removes, and which manifests a release no longer accepts.</p>
      <SearchBox />
      <p><a href="/ui/matrix">Availability matrix</a> · <a href={`/ui/diff`}>Upgrade diff</a> · <a href="/ui/check">Check manifests</a></p>
      <h2>Versions</h2>
      <table class="list">
        <thead><tr><th scope="col">snapshot</th><th scope="col">release</th><th scope="col">groups</th><th scope="col">resources</th><th scope="col">raw documents</th></tr></thead>
        <tbody>
          {[...snapshots].reverse().map((s) => (
            <tr>
              <td><a href={`/ui/versions/${s.id}`}>{s.id}</a>{s.aliases.includes("latest") ? <span class="tag">latest</span> : null}{s.provenance === "captured" ? <span class="tag">captured</span> : null}</td>
              <td>{s.gitVersion ?? "unknown"}</td>
              <td>{s.counts.groups}</td>
              <td>{s.counts.resources}</td>
              <td><a href={`/k8s/${s.id}/apis`}>/apis</a> · <a href={`/k8s/${s.id}/api/v1`}>/api/v1</a></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Examples</h2>
      {examples.map(([label, text]) => <><h3>{label}</h3><pre><code>{text}</code></pre></>)}
      <p>Embed a live badge: <img src="/badge/policy/v1beta1/PodDisruptionBudget.svg" alt="Badge: the releases that serve policy/v1beta1 PodDisruptionBudget" /></p>
    </Page>
  );
}

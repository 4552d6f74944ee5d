// CustomResourceDefinitions in the input (or given with --crds) serve their versions in every
// target; config-file APIs and add-on groups are named for what they are.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifests, checkObjects, readManifests } from "../../src/check/check";
import { KNOWN_GROUPS } from "../../src/check/known-groups";
import type { CheckResult } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import type { SnapshotIndex } from "../../src/diff/snapshot-index";
import type { ReleaseHistory } from "../../src/timeline/history";
import { REPO } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const read = (file: string) => ({ source: file, text: readFileSync(join(FIXTURES, file), "utf8") });
const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
let targets: SnapshotIndex[];
beforeAll(async () => {
  history = await snapshots.history();
  targets = await Promise.all(["1.19", "1.29", history.releases.at(-1)!].map((t) => snapshots.index(t)));
});
const verdicts = (r: CheckResult, name: string) => r.objects.find((o) => o.name === name)!.verdicts;

describe("CustomResourceDefinitions in the input", () => {
  it("a chart that installs cert-manager's CRDs and uses them is served in every target", () => {
    const r = checkManifests([read("crds/cert-manager/crds.yaml"), read("crds/cert-manager/app.yaml")], targets, history);
    for (const name of ["letsencrypt-prod", "shop-tls"]) {
      expect(verdicts(r, name).map((v) => v.status), name).toEqual(["served", "served", "served"]);
    }
    expect(verdicts(r, "shop-tls")[0]!.message).toContain("once the CustomResourceDefinition certificates.cert-manager.io (crds/cert-manager/crds.yaml) is installed");
  });

  it("a version the CRD lists with served: false is not served, and the served one is the advice", () => {
    const r = checkManifests([read("crds/cert-manager/crds.yaml"), read("crds/cert-manager/app.yaml")], targets, history);
    for (const v of verdicts(r, "legacy-tls")) {
      expect(v).toMatchObject({ status: "not-served", reason: "not-served-by-definition", replacement: { apiVersion: "cert-manager.io/v1", kind: "Certificate" } });
      expect(v.message).toContain("serves only v1 (v1alpha2 is listed with served: false)");
    }
  });

  it("a version the CRD does not list at all is flagged: example.com/v2 Widget against a CRD serving v1", () => {
    const crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}\n  versions:\n  - name: v1\n    served: true\n    storage: true\n    schema:\n      openAPIV3Schema: {type: object}\n";
    const widgets = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: one}\n---\napiVersion: example.com/v2\nkind: Widget\nmetadata: {name: two}\n";
    const r = checkManifests([{ source: "crd.yaml", text: crd }, { source: "widgets.yaml", text: widgets }], targets, history);
    expect(verdicts(r, "one").map((v) => v.status)).toEqual(["served", "served", "served"]);
    expect(verdicts(r, "two")[0]).toMatchObject({ status: "not-served", reason: "not-served-by-definition", replacement: { apiVersion: "example.com/v1", kind: "Widget" } });
  });

  it("a kind whose CRD is not in the input stays an unknown custom resource (prometheus-operator's PrometheusRule)", () => {
    const r = checkManifests([read("crds/prometheus-operator/bundle.yaml")], targets, history);
    expect(verdicts(r, "prometheus-operator").map((v) => v.status)).toEqual(["served", "served", "served"]);
    expect(verdicts(r, "node-rules")[0]).toMatchObject({ status: "unknown", reason: "custom-resource" });
  });

  it("reads the definitions a CLI passes separately (--crds) like those in the input", () => {
    const manifests = readManifests([read("crds/cert-manager/app.yaml")]);
    expect(checkObjects(manifests, targets, history).summary.unknown).toBe(9);
    manifests.definitions.push(...readManifests([read("crds/cert-manager/crds.yaml")]).definitions);
    expect(checkObjects(manifests, targets, history).summary).toMatchObject({ served: 6, notServed: 3, unknown: 0 });
  });
});

describe("kds check --crds", () => {
  it("treats a folder of CRDs as installed in every target", async () => {
    const app = join(FIXTURES, "crds/cert-manager/app.yaml");
    const r = await runKdsMain(["check", "-t", "1.29", "--crds", join(FIXTURES, "crds/cert-manager/crds.yaml"), app], { cwd: REPO });
    expect(r.stdout).toContain("3 objects checked against 1.29, 3 verdicts: 2 served, 0 deprecated, 1 not served, 0 unknown");
    expect(r.code).toBe(1);
    const none = await runKdsMain(["check", "-t", "1.29", "--crds", app, app], { cwd: REPO });
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining("no CustomResourceDefinition found") });
  });
});

describe("config-file APIs and add-on groups", () => {
  it("kubeadm, kubelet and kube-proxy configuration is a configuration file, not a custom resource", () => {
    const r = checkManifests([read("config-files/kubeadm-config.yaml")], targets, history);
    for (const o of r.objects) {
      expect(o.verdicts[0], o.kind!).toMatchObject({ status: "unknown", reason: "config-file" });
      expect(o.verdicts[0]!.message).not.toMatch(/custom resource|CustomResourceDefinition/);
    }
    expect(r.objects.find((o) => o.kind === "ClusterConfiguration")!.verdicts[0]!.message).toBe(
      "kubeadm.k8s.io/v1beta3 ClusterConfiguration is a configuration file read by kubeadm (--config), not an object kube-apiserver serves: do not apply it to 1.19");
  });

  it("an audit policy names the kube-apiserver flag that reads it", () => {
    const [o] = checkManifests([read("config-files/audit-policy.yaml")], targets, history).objects;
    expect(o!.verdicts[1]).toMatchObject({ status: "unknown", reason: "config-file", message: expect.stringContaining("kube-apiserver (--audit-policy-file)") });
  });

  it("metrics.k8s.io is an add-on's API, served where metrics-server is installed", () => {
    const [o] = checkManifests([read("config-files/pod-metrics.json")], targets, history).objects;
    expect(o!.verdicts[1]).toMatchObject({ status: "unknown", reason: "add-on-api", message: expect.stringContaining("metrics-server") });
  });

  it("every row of the table cites a public source and names a group no release serves", () => {
    for (const g of KNOWN_GROUPS) {
      expect(g.source, g.group).toMatch(/kubernetes\.io\/docs\/|kubernetes\/(kubernetes|metrics) /);
      expect(history.groups.has(g.group), g.group).toBe(false);
    }
  });
});

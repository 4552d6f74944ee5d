// The words of a verdict: not yet served, off by default, removed (or removal planned), deprecated;
// and advice the target can follow. Inputs are real public manifests; facts are cross-checked
// against the bundled snapshots and lifecycle table.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifests } from "../../src/check/check";
import type { Verdict } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { lifecycleFor, type ReleaseHistory } from "../../src/timeline/history";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
beforeAll(async () => { history = await snapshots.history(); });

async function verdictOf(file: string, kind: string, target: string): Promise<Verdict> {
  const r = checkManifests([{ source: file, text: readFileSync(join(FIXTURES, file), "utf8") }], [await snapshots.index(target)], history);
  return r.objects.find((o) => o.kind === kind)!.verdicts[0]!;
}
const servedBy = (release: string, gv: string, kind: string) => history.served.get(release)?.get(gv)?.some((r) => r.kind === kind) ?? false;

describe("not served: which of not yet, off by default, removed", () => {
  it("a beta DeviceClass on 1.34 is off by default there, with the --runtime-config switch and the v1 that 1.34 serves", async () => {
    expect(lifecycleFor(history, "resource.k8s.io", "v1beta1", "DeviceClass")!.offByDefaultIn).toContain("1.34");
    const v = await verdictOf("verdicts/dra-deviceclass-v1beta1.yaml", "DeviceClass", "1.34");
    expect(v).toMatchObject({ status: "not-served", reason: "off-by-default", removedIn: null, replacement: { apiVersion: "resource.k8s.io/v1", kind: "DeviceClass" } });
    expect(v.message).toContain("off by default in 1.34 (enable it with --runtime-config=resource.k8s.io/v1beta1=true)");
    expect(v.message).not.toMatch(/removed/);
  });

  it("a ValidatingAdmissionPolicy v1beta1 on 1.25 is not yet there, not removed", async () => {
    const v = await verdictOf("verdicts/validating-admission-policy-v1beta1.yaml", "ValidatingAdmissionPolicy", "1.25");
    expect(v).toMatchObject({ status: "not-served", reason: "not-yet-served", removedIn: null, replacement: null });
    expect(v.message).toBe("admissionregistration.k8s.io/v1beta1 ValidatingAdmissionPolicy is not served by 1.25: not yet in 1.25; k8s.io/api adds it in 1.28, and no release serves it by default; nothing in 1.25 replaces it");
  });

  it("the same policy on 1.30 is off by default (beta), and the v1 that 1.30 serves is the advice", async () => {
    const v = await verdictOf("verdicts/validating-admission-policy-v1beta1.yaml", "ValidatingAdmissionPolicy", "1.30");
    expect(servedBy("1.30", "admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")).toBe(true);
    expect(v).toMatchObject({ reason: "off-by-default", replacement: { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy" } });
  });

  it("a FlowSchema v1beta3 on 1.22 says when it is first served, and offers the v1beta1 1.22 serves, not v1", async () => {
    const v = await verdictOf("flowschema-v1beta3.yaml", "FlowSchema", "1.22");
    expect(v).toMatchObject({ reason: "not-yet-served", firstServedIn: "1.26", replacement: { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1", kind: "FlowSchema" } });
    expect(v.message).toContain("not yet served; first served in 1.26");
  });

  it("a FlowSchema v1beta3 on 1.19 gets no advice: nothing in 1.19 serves FlowSchema", async () => {
    expect([...history.served.get("1.19")!.keys()].some((gv) => gv.startsWith("flowcontrol.apiserver.k8s.io/"))).toBe(false);
    const v = await verdictOf("flowschema-v1beta3.yaml", "FlowSchema", "1.19");
    expect(v).toMatchObject({ replacement: null });
    expect(v.message).toMatch(/; nothing in 1\.19 replaces it$/);
  });

  it("a removal a snapshot shows is \"removed in\" with the last release serving it", async () => {
    const v = await verdictOf("verdicts/hpa-v2beta1.yaml", "HorizontalPodAutoscaler", "1.26");
    expect(servedBy("1.24", "autoscaling/v2beta1", "HorizontalPodAutoscaler") && !servedBy("1.25", "autoscaling/v2beta1", "HorizontalPodAutoscaler")).toBe(true);
    expect(v).toMatchObject({ reason: "removed", removedIn: "1.25", lastServedIn: "1.24", replacement: { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" } });
  });

  it("a removal before the first bundled release names k8s.io/api's lifecycle as its source", async () => {
    const v = await verdictOf("verdicts/extensions-psp.yaml", "PodSecurityPolicy", "1.19");
    expect(v).toMatchObject({ reason: "removed", removedIn: "1.16", lastServedIn: null });
    expect(v.message).toContain("removed in 1.16 (k8s.io/api lifecycle); no bundled release serves it");
  });

  it("a removal past the bundled releases is \"planned\", never \"removed in\"", async () => {
    const latest = history.releases.at(-1)!;
    const removed = lifecycleFor(history, "resource.k8s.io", "v1beta1", "DeviceClass")!.removed!;
    expect(Number(removed.split(".")[1])).toBeGreaterThan(Number(latest.split(".")[1]));
    const v = await verdictOf("verdicts/dra-deviceclass-v1beta1.yaml", "DeviceClass", latest);
    expect(v.message).not.toContain(`removed in ${removed}`);
    expect(v.removedIn).toBeNull();
  });
});

describe("advice the target can follow", () => {
  it("an autoscaling/v2beta1 HPA on 1.22 is deprecated and points to autoscaling/v2beta2, k8s.io/api's replacement then", async () => {
    const life = lifecycleFor(history, "autoscaling", "v2beta1", "HorizontalPodAutoscaler")!;
    expect(life.earlierReplacements).toContainEqual({ group: "autoscaling", version: "v2beta2", kind: "HorizontalPodAutoscaler" });
    expect(servedBy("1.22", "autoscaling/v2", "HorizontalPodAutoscaler")).toBe(false);
    const v = await verdictOf("verdicts/hpa-v2beta1.yaml", "HorizontalPodAutoscaler", "1.22");
    expect(v).toMatchObject({ status: "deprecated", replacement: { apiVersion: "autoscaling/v2beta2", kind: "HorizontalPodAutoscaler" } });
    expect(v.message).toBe("autoscaling/v2beta1 HorizontalPodAutoscaler is served by 1.22 but deprecated since 1.22; removed in 1.25; use autoscaling/v2beta2 HorizontalPodAutoscaler");
  });

  it("from 1.23 on the same HPA points to autoscaling/v2", async () => {
    expect((await verdictOf("verdicts/hpa-v2beta1.yaml", "HorizontalPodAutoscaler", "1.23")).replacement).toEqual({ apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" });
  });

  it("an extensions/v1beta1 PodSecurityPolicy on 1.25 is not sent to policy/v1beta1 (gone there too)", async () => {
    expect(servedBy("1.25", "policy/v1beta1", "PodSecurityPolicy")).toBe(false);
    const v = await verdictOf("verdicts/extensions-psp.yaml", "PodSecurityPolicy", "1.25");
    expect(v.replacement).toBeNull();
    expect(v.message).toMatch(/; nothing in 1\.25 replaces it$/);
  });

  it("the same PodSecurityPolicy on 1.21 follows the chain to policy/v1beta1, which 1.21 serves", async () => {
    const v = await verdictOf("verdicts/extensions-psp.yaml", "PodSecurityPolicy", "1.21");
    expect(v.replacement).toEqual({ apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy" });
  });

  it("every replacement offered for every built-in kind in every release is one that release serves", async () => {
    for (const target of history.releases) {
      const index = await snapshots.index(target);
      const text = history.lifecycle.map((e) => `apiVersion: ${e.group ? `${e.group}/` : ""}${e.version}\nkind: ${e.kind}\n`).join("---\n");
      for (const o of checkManifests([{ source: "all", text }], [index], history).objects) {
        const r = o.verdicts[0]!.replacement;
        if (r) expect(servedBy(target, r.apiVersion, r.kind), `${target}: ${o.apiVersion} ${o.kind} -> ${r.apiVersion}`).toBe(true);
      }
    }
  });
});

describe("kinds no source knows in a group/version", () => {
  it("a built-in kind at a version of its group that no source has (certificates.k8s.io/v1 PodCertificateRequest on 1.36) is served by no release, not \"added in 1.Infinity\"", async () => {
    const text = "apiVersion: certificates.k8s.io/v1\nkind: PodCertificateRequest\nmetadata: {name: pcr, namespace: default}\n";
    expect(history.lifecycle.some((e) => e.group === "certificates.k8s.io" && e.version === "v1" && e.kind === "PodCertificateRequest")).toBe(false);
    const v = checkManifests([{ source: "pcr.yaml", text }], [await snapshots.index("1.36")], history).objects[0]!.verdicts[0]!;
    expect(v).toMatchObject({ status: "not-served", reason: "not-served", firstServedIn: null, replacement: null });
    expect(v.message).toBe("certificates.k8s.io/v1 PodCertificateRequest is not served by 1.36: no release snapshot serves it; nothing in 1.36 replaces it");
  });

  it("no verdict for any lifecycle kind at any version of its group, in any release, names a release that is not a number", async () => {
    const versions = new Map<string, Set<string>>();
    for (const e of history.lifecycle) versions.set(e.group, (versions.get(e.group) ?? new Set()).add(e.version));
    const kinds = [...new Set(history.lifecycle.map((e) => `${e.group}\n${e.kind}`))];
    const text = kinds.flatMap((k) => {
      const [group, kind] = k.split("\n");
      return [...versions.get(group!)!].map((v) => `apiVersion: ${group ? `${group}/` : ""}${v}\nkind: ${kind}\n`);
    }).join("---\n");
    const indexes = await Promise.all(history.releases.map((id) => snapshots.index(id)));
    const messages = checkManifests([{ source: "all", text }], indexes, history).objects.flatMap((o) => o.verdicts.map((v) => v.message));
    expect(messages.length).toBeGreaterThan(history.lifecycle.length * history.releases.length);
    expect(messages.filter((m) => /Infinity|NaN|undefined|\b1\.(?!\d)/.test(m))).toEqual([]);
  });
});

describe("lifecycle sources", () => {
  it("an APIService v1beta1 says its deprecation comes from Pluto's table because k8s.io/api does not define the group", async () => {
    const life = lifecycleFor(history, "apiregistration.k8s.io", "v1beta1", "APIService")!;
    expect(life.source).toMatch(/^pluto/);
    const v = await verdictOf("verdicts/metrics-server-apiservice-v1beta1.yaml", "APIService", "1.21");
    expect(v.status).toBe("deprecated");
    expect(v.message).toContain("(from Pluto's versions.yaml: k8s.io/api does not define apiregistration.k8s.io)");
    expect(v.replacement).toEqual({ apiVersion: "apiregistration.k8s.io/v1", kind: "APIService" });
  });

  it("k8s.io/api's facts win over Pluto's: flowcontrol v1beta1 is removed in 1.26 (Pluto says 1.29)", () => {
    expect(lifecycleFor(history, "flowcontrol.apiserver.k8s.io", "v1beta1", "FlowSchema")).toMatchObject({ removed: "1.26" });
    expect(lifecycleFor(history, "flowcontrol.apiserver.k8s.io", "v1beta1", "FlowSchema")!.source).not.toContain("pluto");
  });

  it("Pluto fills only what k8s.io/api leaves unsaid (rbac v1alpha1 has no markers), and the verdict names it", async () => {
    const life = lifecycleFor(history, "rbac.authorization.k8s.io", "v1alpha1", "Role")!;
    expect(life).toMatchObject({ deprecated: "1.17", removed: "1.22" });
    expect(life.source).toMatch(/^k8s\.io\/api .*\(no lifecycle markers\); deprecated and removed from pluto versions\.yaml$/);
    const text = "apiVersion: rbac.authorization.k8s.io/v1alpha1\nkind: Role\nmetadata: {name: pod-reader, namespace: default}\n";
    const v = checkManifests([{ source: "role.yaml", text }], [await snapshots.index("1.25")], history).objects[0]!.verdicts[0]!;
    expect(v.message).toContain("removed in 1.22 (from Pluto's versions.yaml: k8s.io/api has no lifecycle markers for it)");
  });
});

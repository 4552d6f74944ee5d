// The upgrade stories of issue 4, with their known answers, cross-checked against the snapshots.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifests } from "../../src/check/check";
import type { CheckResult } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { splitGroupVersion } from "../../src/discovery/model";
import type { SnapshotIndex } from "../../src/diff/snapshot-index";
import type { ReleaseHistory } from "../../src/timeline/history";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
beforeAll(async () => { history = await snapshots.history(); });

async function check(file: string, ...targets: string[]): Promise<CheckResult> {
  const indexes = await Promise.all(targets.map((t) => snapshots.index(t)));
  return checkManifests([{ source: file, text: readFileSync(join(FIXTURES, file), "utf8") }], indexes, history);
}
const verdict = (r: CheckResult, kind: string, target: string) => r.objects.find((o) => o.kind === kind)!.verdicts.find((v) => v.target === target)!;

/** Whether a snapshot serves apiVersion/kind, read straight from its index. */
function serves(s: SnapshotIndex, apiVersion: string, kind: string): boolean {
  const { group, version } = splitGroupVersion(apiVersion);
  return s.groups.some((g) => g.name === group && g.versions.some((v) => v.version === version && v.resources.some((r) => r.kind === kind)));
}
async function expectRemovedIn(apiVersion: string, kind: string, release: string) {
  const previous = history.releases[history.releases.indexOf(release) - 1]!;
  expect(serves(await snapshots.index(previous), apiVersion, kind), `${previous} serves ${apiVersion} ${kind}`).toBe(true);
  expect(serves(await snapshots.index(release), apiVersion, kind), `${release} serves ${apiVersion} ${kind}`).toBe(false);
}

describe("upgrade stories", () => {
  it("an ingress-nginx style chart with an extensions/v1beta1 Ingress is not served by 1.22; the rest is", async () => {
    const r = await check("ingress-nginx/legacy-ingress.yaml", "1.22");
    await expectRemovedIn("extensions/v1beta1", "Ingress", "1.22");
    expect(verdict(r, "Ingress", "1.22")).toMatchObject({
      status: "not-served", removedIn: "1.22", lastServedIn: "1.21",
      replacement: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" },
    });
    expect(r.objects.filter((o) => o.kind !== "Ingress").flatMap((o) => o.verdicts.map((v) => v.status))).toEqual(Array(5).fill("served"));
    expect(r.summary).toMatchObject({ objects: 6, served: 5, notServed: 1 });
  });

  it("the same Ingress on 1.21 is served but deprecated, with its removal and replacement", async () => {
    const v = verdict(await check("ingress-nginx/legacy-ingress.yaml", "1.21"), "Ingress", "1.21");
    expect(v).toMatchObject({ status: "deprecated", removedIn: "1.22", replacement: { apiVersion: "networking.k8s.io/v1", kind: "Ingress" } });
    expect(v.deprecatedIn).not.toBeNull();
  });

  it("a policy/v1beta1 PodSecurityPolicy and a batch/v1beta1 CronJob are not served by 1.25", async () => {
    const r = await check("psp-and-cronjob.yaml", "1.25");
    await expectRemovedIn("policy/v1beta1", "PodSecurityPolicy", "1.25");
    await expectRemovedIn("batch/v1beta1", "CronJob", "1.25");
    expect(verdict(r, "PodSecurityPolicy", "1.25")).toMatchObject({ status: "not-served", removedIn: "1.25", replacement: null });
    expect(verdict(r, "CronJob", "1.25")).toMatchObject({ status: "not-served", removedIn: "1.25", replacement: { apiVersion: "batch/v1", kind: "CronJob" } });
  });

  it("an autoscaling/v2beta2 HorizontalPodAutoscaler is not served by 1.26; use autoscaling/v2", async () => {
    await expectRemovedIn("autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26");
    expect(verdict(await check("hpa-v2beta2.yaml", "1.26"), "HorizontalPodAutoscaler", "1.26")).toMatchObject({
      status: "not-served", removedIn: "1.26", replacement: { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler" },
    });
  });

  it("a flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is not served by 1.32, and deprecated before", async () => {
    await expectRemovedIn("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32");
    const r = await check("flowschema-v1beta3.yaml", "1.29", "1.32");
    const replacement = { apiVersion: "flowcontrol.apiserver.k8s.io/v1", kind: "FlowSchema" };
    expect(verdict(r, "FlowSchema", "1.32")).toMatchObject({ status: "not-served", removedIn: "1.32", replacement });
    expect(verdict(r, "FlowSchema", "1.29")).toMatchObject({ status: "deprecated", removedIn: "1.32", replacement });
  });

  it("a cert-manager Certificate is unknown to every target, never called removed", async () => {
    const targets = ["1.22", "1.29", history.releases.at(-1)!];
    const r = await check("cert-manager-certificate.yaml", ...targets);
    for (const t of targets) {
      expect(verdict(r, "Certificate", t)).toMatchObject({ status: "unknown", removedIn: null, lastServedIn: null, replacement: null });
      expect(verdict(r, "Certificate", t).message).toMatch(/CustomResourceDefinition/);
    }
  });

  it("checks a fleet at once: one verdict per target, in the order given", async () => {
    const r = await check("psp-and-cronjob.yaml", "1.24", "1.22", "1.25");
    expect(r.targets.map((t) => t.id)).toEqual(["1.24", "1.22", "1.25"]);
    expect(r.objects.find((o) => o.kind === "CronJob")!.verdicts.map((v) => [v.target, v.status])).toEqual([
      ["1.24", "deprecated"], ["1.22", "deprecated"], ["1.25", "not-served"],
    ]);
  });

  it("says when a version arrives later than the target instead of calling it removed", async () => {
    const v = verdict(await check("flowschema-v1beta3.yaml", "1.22"), "FlowSchema", "1.22");
    const first = history.releases.find((id) => history.served.get(id)!.get("flowcontrol.apiserver.k8s.io/v1beta3"))!;
    expect(v).toMatchObject({ status: "not-served", removedIn: null, firstServedIn: first });
    expect(serves(await snapshots.index("1.22"), `flowcontrol.apiserver.k8s.io/${v.replacement!.apiVersion.split("/")[1]}`, "FlowSchema")).toBe(true);
  });

  it("a current application is served everywhere", async () => {
    const r = await check("current-app.yaml", ...history.releases.filter((id) => Number(id.split(".")[1]) >= 22));
    expect(r.summary.served).toBe(r.summary.objects * r.targets.length);
  });
});

// Field checks: the fields of each served object looked up in the target release's field index.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkManifests } from "../../src/check/check";
import { checkRenderers } from "../../src/check/render";
import type { FailOn } from "../../src/check/render/options";
import { CheckResult, type FieldFinding } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { targetFieldIndexes } from "../../src/fields/target-fields";
import type { ReleaseHistory } from "../../src/timeline/history";
import { runKdsMain } from "./lib/kds-main";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests/fields");
const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
beforeAll(async () => { history = await snapshots.history(); });

async function check(file: string | { source: string; text: string }, targets: string[], fields = true): Promise<CheckResult> {
  const input = typeof file === "string" ? { source: file, text: readFileSync(join(FIXTURES, file), "utf8") } : file;
  const indexes = await Promise.all(targets.map((t) => snapshots.index(t)));
  return checkManifests([input], indexes, history, fields ? await targetFieldIndexes(snapshots, indexes) : null);
}
const findings = (r: CheckResult, kind?: string): FieldFinding[] => r.objects.filter((o) => !kind || o.kind === kind).flatMap((o) => o.fields);
const lineOf = (file: string, text: string) => readFileSync(join(FIXTURES, file), "utf8").split("\n").findIndex((l) => l.includes(text)) + 1;

describe("unknown fields", () => {
  it("CronJob spec.timeZone is unknown to 1.23 (first in 1.24), with its path and line, and fails the check", async () => {
    const r = await check("cronjob-timezone.yaml", ["1.23"]);
    expect(findings(r)).toEqual([expect.objectContaining({
      target: "1.23", status: "unknown-field", path: "spec.timeZone", line: lineOf("cronjob-timezone.yaml", "timeZone:"), firstKnownIn: "1.24", knownIn: [["1.24", "1.37"]],
    })]);
    expect(findings(r)[0]!.message).toBe("spec.timeZone is not a field of batch/v1 CronJob in 1.23; first in 1.24: the apiserver drops it, or refuses the object under strict field validation");
    expect(r.summary).toMatchObject({ served: 1, unknownFields: 1, gatedFields: 0 });
  });

  it("CronJob spec.timeZone is not reported against 1.24, the release that knows it", async () => {
    expect(findings(await check("cronjob-timezone.yaml", ["1.24", "1.30"]))).toEqual([]);
  });

  it("container resizePolicy is unknown to 1.26 at its list index, first in 1.27", async () => {
    const r = await check("resize-and-traffic.yaml", ["1.26"]);
    expect(findings(r, "Deployment")).toEqual([expect.objectContaining({
      status: "unknown-field", path: "spec.template.spec.containers[1].resizePolicy", line: lineOf("resize-and-traffic.yaml", "resizePolicy:"), firstKnownIn: "1.27",
    })]);
  });

  it("Service spec.trafficDistribution is unknown to 1.29 (first in 1.30) and not to 1.30", async () => {
    const r = await check("resize-and-traffic.yaml", ["1.29", "1.30"]);
    expect(findings(r, "Service").map((f) => [f.target, f.status, f.path, f.firstKnownIn])).toEqual([["1.29", "unknown-field", "spec.trafficDistribution", "1.30"]]);
  });

  it("a field a later release removed names the releases that had it", async () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  clusterName: legacy\ndata:\n  mode: fast\n";
    const r = await check({ source: "configmap.yaml", text }, ["1.24", "1.27"]);
    expect(findings(r)).toEqual([expect.objectContaining({ target: "1.27", path: "metadata.clusterName", line: 5, firstKnownIn: null, knownIn: [["1.17", "1.24"]] })]);
    expect(findings(r)[0]!.message).toContain("(k8s.io/api had it in 1.17–1.24)");
  });

  it("a field no release has (a typo) is unknown everywhere, with no release to wait for", async () => {
    const r = await check("statefulset-and-typo.yaml", ["1.19", "1.37"]);
    expect(findings(r).map((f) => [f.target, f.path, f.line, f.firstKnownIn, f.knownIn])).toEqual([
      ["1.19", "spec.containers[0].imagePullPolicey", lineOf("statefulset-and-typo.yaml", "imagePullPolicey"), null, []],
      ["1.37", "spec.containers[0].imagePullPolicey", lineOf("statefulset-and-typo.yaml", "imagePullPolicey"), null, []],
    ]);
  });

  it("apiVersion and kind inside a StatefulSet's volumeClaimTemplates are never unknown (omittedByGenerator)", async () => {
    expect(findings(await check("statefulset-and-typo.yaml", ["1.19", "1.37"]), "StatefulSet")).toEqual([]);
  });

  it("a plain Deployment of long-standing fields has no field findings against 1.19; label keys, annotations, resource maps and status are not fields", async () => {
    const r = await check("plain-deployment.yaml", ["1.19", "1.37"]);
    expect(r.objects[0]!.verdicts.map((v) => v.status)).toEqual(["served", "served"]);
    expect(findings(r)).toEqual([]);
  });

  it("objects inside a List are checked with the item's list index and the field's own line", async () => {
    const text = JSON.stringify({ apiVersion: "v1", kind: "List", items: [
      { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "a" }, data: { k: "v" } },
      { apiVersion: "batch/v1", kind: "CronJob", metadata: { name: "b" }, spec: { schedule: "@daily", timeZone: "UTC", jobTemplate: { spec: { template: { spec: { containers: [{ name: "c", image: "busybox" }] } } } } } },
    ] }, null, 2);
    const r = await check({ source: "list.json", text }, ["1.23"]);
    const line = text.split("\n").findIndex((l) => l.includes('"timeZone"')) + 1;
    expect(findings(r)).toEqual([expect.objectContaining({ path: "spec.timeZone", line, firstKnownIn: "1.24" })]);
  });

  it("objects of a JSON stream sharing one line get that line; on their own lines, their own", async () => {
    const config = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","clusterName":"x"}}';
    const cron = '{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"b"},"spec":{"schedule":"@daily","timeZone":"UTC","jobTemplate":{}}}';
    const lines = async (text: string) => findings(await check({ source: "stream.json", text }, ["1.23"])).map((f) => [f.path, f.line]);
    expect(await lines(`${config}${cron}\n`)).toEqual([["spec.timeZone", 1]]);
    expect(await lines(`${config}\n\n${cron}\n`)).toEqual([["spec.timeZone", 3]]);
  });

  it("nested lists report every index on the path, and fields reached through a YAML alias point at the alias's target", async () => {
    const text = [
      "apiVersion: v1", "kind: Pod", "metadata:", "  name: two", "spec:", "  containers:",
      "    - name: a", "      image: busybox", "      ports:", "        - containerPort: 80", "        - containerPort: 81", "          hostIPP: 0.0.0.0",
      "    - &second", "      name: b", "      image: busybox", "      resizePolicy: []",
      "  initContainers:", "    - *second",
    ].join("\n");
    const r = await check({ source: "pod.yaml", text }, ["1.26"]);
    expect(findings(r).map((f) => [f.path, f.line])).toEqual([
      ["spec.containers[0].ports[1].hostIPP", 12],
      ["spec.containers[1].resizePolicy", 16],
      ["spec.initContainers[0].resizePolicy", 16],
    ]);
  });

  it("objects the target does not serve are not field-checked (the verdict says it already)", async () => {
    const r = await check("cronjob-timezone.yaml", ["1.19"]);
    expect(r.objects[0]!.verdicts[0]!.status).toBe("not-served");
    expect(findings(r)).toEqual([]);
  });

  it("field checks off (--ignore-fields) report nothing", async () => {
    expect(findings(await check("resize-and-traffic.yaml", ["1.26"], false))).toEqual([]);
  });
});

describe("custom resources with their CustomResourceDefinition in the input", () => {
  const file = "crontab-crd-and-resource.yaml";
  it("are checked against the definition's openAPIV3Schema for the version used, in every target", async () => {
    const r = await check(file, ["1.21", "1.33"]);
    const nightly = r.objects.find((o) => o.name === "nightly")!;
    expect(nightly.fields.map((f) => [f.target, f.status, f.path, f.line, f.firstKnownIn])).toEqual([
      ["1.21", "unknown-field", "spec.ports[0].protocol", lineOf(file, "protocol: TCP"), null],
      ["1.21", "unknown-field", "spec.concurrency", lineOf(file, "concurrency: Forbid"), null],
      ["1.33", "unknown-field", "spec.ports[0].protocol", lineOf(file, "protocol: TCP"), null],
      ["1.33", "unknown-field", "spec.concurrency", lineOf(file, "concurrency: Forbid"), null],
    ]);
    expect(nightly.fields[0]!.message).toBe(`spec.ports[0].protocol is not in the schema of the CustomResourceDefinition crontabs.stable.example.com (${file}) for v1: the apiserver prunes it, or refuses the object under strict field validation`);
  });

  it("say nothing below x-kubernetes-preserve-unknown-fields (v1beta1's whole schema, spec.settings), map values or an embedded resource, nor about status", async () => {
    const r = await check(file, ["1.29"]);
    expect(findings(r).map((f) => f.path)).toEqual(["spec.ports[0].protocol", "spec.concurrency"]);
  });
});

describe("gated fields", () => {
  it("resizePolicy in 1.27 is reported as gated: k8s.io/api 1.27 marks it with InPlacePodVerticalScaling, off by default until 1.33", async () => {
    const r = await check("resize-and-traffic.yaml", ["1.27"]);
    expect(findings(r, "Deployment")).toEqual([expect.objectContaining({
      status: "gated-field", path: "spec.template.spec.containers[1].resizePolicy", gates: ["InPlacePodVerticalScaling"], firstKnownIn: null,
    })]);
    expect(findings(r, "Deployment")[0]!.message).toContain("InPlacePodVerticalScaling (off by default in 1.27; on by default from 1.33)");
  });

  it("resizePolicy is fine from 1.33, where InPlacePodVerticalScaling is on by default though the marker stays", async () => {
    expect(findings(await check("resize-and-traffic.yaml", ["1.33", "1.34"]), "Deployment")).toEqual([]);
  });

  it("trafficDistribution is fine in 1.31: its gate ServiceTrafficDistribution is beta and on by default there", async () => {
    expect(findings(await check("resize-and-traffic.yaml", ["1.31", "1.35"]), "Service")).toEqual([]);
  });

  it("says nothing of a gated field whose gate's default no cited source gives", async () => {
    const { releaseFieldFindings } = await import("../../src/check/field-findings");
    const hit = { kind: "gated" as const, path: "spec.example", steps: [], gates: ["SomeGateWithoutACitedDefault"], runs: null };
    expect(releaseFieldFindings([hit as never], { line: () => 1 } as never, { id: "1.30", kubernetesVersion: "1.30" }, "v1 Service")).toEqual([]);
  });
});

describe("every output format carries the field findings", () => {
  let r: CheckResult;
  const opts = { failOn: new Set<FailOn>() };
  beforeAll(async () => { r = await check("resize-and-traffic.yaml", ["1.26", "1.31"]); });
  const resizeLine = () => lineOf("resize-and-traffic.yaml", "resizePolicy:");

  it("json", () => {
    expect(CheckResult.parse(JSON.parse(checkRenderers.json(r, opts))).objects.flatMap((o) => o.fields)).toEqual(findings(r));
  });
  it("text", () => {
    const text = checkRenderers.text(r, opts);
    expect(text).toMatch(new RegExp(`^✗  \\S*resize-and-traffic\\.yaml:${resizeLine()} +apps/v1 Deployment \\S+ +1\\.26 +UNKNOWN FIELD +- +spec\\.template\\.spec\\.containers\\[1\\]\\.resizePolicy is not a field of apps/v1 Deployment in 1\\.26; first in 1\\.27`, "m"));
    expect(text).toMatch(/^! .* 1\.31 +GATED FIELD /m);
    expect(text).toContain("2 unknown fields, 1 gated field");
  });
  it("github: errors for unknown fields, warnings for gated ones, at the field's line", () => {
    const out = checkRenderers.github(r, opts);
    expect(out).toContain(`::error file=resize-and-traffic.yaml,line=${resizeLine()},title=apps/v1 Deployment%3A unknown-field on 1.26::spec.template.spec.containers[1].resizePolicy`);
    expect(out).toContain(`::warning file=resize-and-traffic.yaml,line=${resizeLine()},title=apps/v1 Deployment%3A gated-field on 1.31::spec.template.spec.containers[1].resizePolicy`);
  });
  it("junit: an object with unknown fields fails its test case; gated fields go to its output", () => {
    const xml = checkRenderers.junit(r, opts);
    expect(xml).toContain('<testsuite name="Kubernetes 1.26" tests="2" failures="2" errors="0" skipped="0">');
    expect(xml).toContain(`<failure type="unknown-field" message="line ${resizeLine()}: spec.template.spec.containers[1].resizePolicy is not a field`);
    expect(xml).toContain('<testsuite name="Kubernetes 1.31" tests="2" failures="0" errors="0" skipped="0">');
    expect(xml).toContain(`<system-out>line ${resizeLine()}: spec.template.spec.containers[1].resizePolicy of apps/v1 Deployment needs feature gate InPlacePodVerticalScaling (off by default in 1.31`);
  });
  it("sarif: one result per finding with its rule and line", () => {
    const log = JSON.parse(checkRenderers.sarif(r, opts));
    const results = log.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
    expect(results.filter((x) => x.ruleId === "unknown-field").map((x) => [x.level, x.locations[0]!.physicalLocation.region.startLine])).toContainEqual(["error", resizeLine()]);
    expect(results.filter((x) => x.ruleId === "gated-field").every((x) => x.level === "warning")).toBe(true);
    expect(log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(["unknown-field", "gated-field"]));
  });
});

describe("kds check with fields", () => {
  it("exits 1 on an unknown field and 0 with --ignore-fields; --fail-on keeps its meaning", async () => {
    const file = join(FIXTURES, "cronjob-timezone.yaml");
    const runKdsCheck = (args: string[]) => runKdsMain(["check", ...args], { cwd: mkdtempSync(join(tmpdir(), "kds-fields-")) });
    expect((await runKdsCheck(["--target", "1.23", file])).code).toBe(1);
    expect((await runKdsCheck(["--target", "1.23", "--ignore-fields", file])).code).toBe(0);
    expect((await runKdsCheck(["--target", "1.24", "--fail-on", "deprecated", file])).code).toBe(0);
  });
});

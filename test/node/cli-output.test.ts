// Output people read: kds check's formats end to end (the overall passed honouring --fail-on,
// markdown for PR comments, yaml, wide), kds --version and kds timeline.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CheckResult } from "../../src/check/result";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { groupTimeline } from "../../src/timeline/timeline";
import { REPO } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";

const FIX = join(REPO, "test/fixtures/manifests");
const HPA = join(FIX, "hpa-v2beta2.yaml");
const ELSEWHERE = mkdtempSync(join(tmpdir(), "kds-cwd-"));
const kds = (args: string[]) => runKdsMain(args, { cwd: ELSEWHERE });

describe("kds check output formats", () => {
  it("json says whether the run passed, honouring --fail-on like the exit code", async () => {
    const lenient = await kds(["check", "-t", "1.23", "-o", "json", HPA]);
    expect(lenient.code).toBe(0);
    expect(CheckResult.parse(JSON.parse(lenient.stdout))).toMatchObject({ passed: true, summary: { deprecated: 1 } });
    const strict = await kds(["check", "-t", "1.23", "-o", "json", "--fail-on", "deprecated", HPA]);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).passed).toBe(false);
  });

  it("yaml is the json answer as YAML", async () => {
    const [y, j] = await Promise.all([kds(["check", "-t", "1.26", "-o", "yaml", HPA]), kds(["check", "-t", "1.26", "-o", "json", HPA])]);
    expect(y.code).toBe(1);
    expect(parse(y.stdout)).toEqual(JSON.parse(j.stdout));
  });

  it("markdown gives a pull-request comment with the replacement column", async () => {
    const r = await kds(["check", "-t", "1.26", "-o", "markdown", HPA]);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "### kds check: failed against 1.26",
      "",
      "| | Location | Object | Target | Status | Replacement | Detail |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    ]);
    expect(r.stdout).toMatch(/^\| ❌ \| `.*hpa-v2beta2\.yaml:\d+` \| `autoscaling\/v2beta2 HorizontalPodAutoscaler [^`]+` \| 1\.26 \| NOT SERVED \| `autoscaling\/v2 HorizontalPodAutoscaler` \| /m);
  });

  it("text lists only the problems; wide lists the served verdicts too", async () => {
    const current = join(FIX, "current-app.yaml");
    const text = await kds(["check", "-t", "1.29", current]);
    expect(text.stdout.startsWith("No problems: every object is served by every target.\n")).toBe(true);
    const wide = await kds(["check", "-t", "1.29", "-o", "wide", current]);
    expect(wide.stdout.split("\n").filter((l) => l.startsWith("✓ "))).toHaveLength(3);
  });
});

describe("what the 1.37 snapshot's sources leave open", () => {
  const PCR = "apiVersion: certificates.k8s.io/v1\nkind: PodCertificateRequest\nmetadata: {name: pcr, namespace: default}\n";

  it("kds diff names it after the changes, with the manifest's reason", async () => {
    const r = await kds(["diff", "1.36", "1.37"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nnot established \(the changes above may miss these\):\n  \? certificates\.k8s\.io\/v1 podcertificaterequests \(PodCertificateRequest\): whether 1\.37 serves it is not established: .*v0\.37\.0-beta\.0.*\n$/);
  });

  it("kds check calls it unknown on 1.37, which fails the run only with --fail-on unknown", async () => {
    const lenient = await runKdsMain(["check", "-t", "1.37", "-o", "json", "-"], { cwd: ELSEWHERE, stdin: PCR });
    expect(CheckResult.parse(JSON.parse(lenient.stdout)).objects[0]!.verdicts[0]).toMatchObject({ status: "unknown", reason: "not-established" });
    expect(lenient.code).toBe(0);
    expect((await runKdsMain(["check", "-t", "1.37", "--fail-on", "unknown", "-"], { cwd: ELSEWHERE, stdin: PCR })).code).toBe(1);
  });
});

describe("kds --version", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string };
    expect(await kds(["--version"])).toMatchObject({ code: 0, stdout: `kds ${version}\n` });
  });
});

describe("kds timeline", () => {
  it("json is what the timeline module computes from the releases (GET /v1/timeline's body)", async () => {
    const r = await kds(["timeline", "autoscaling", "-o", "json"]);
    expect(r.code).toBe(0);
    const history = await localSnapshots(BUNDLED_SNAPSHOTS).history();
    expect(JSON.parse(r.stdout)).toEqual(groupTimeline(history, "autoscaling"));
  });

  it("text names one resource's releases, removal and replacement", async () => {
    const r = await kds(["timeline", "batch/v1beta1/cronjobs"]);
    expect(r.stdout.split("\n")[2]).toMatch(/^batch\/v1beta1 +CronJob +1\.19–1\.24 +1\.25 +1\.21 +1\.25 +batch\/v1 CronJob$/);
  });

  it("exits 2 for an API no release knows", async () => {
    const r = await kds(["timeline", "example.com/v1/Widget"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kds timeline: no release serves example\.com\/v1\/Widget/);
  });
});

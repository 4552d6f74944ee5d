// Targets as users write them (kds check -t / kds diff): the aliases the HTTP API accepts, patch
// releases of a bundled minor, and the user's own captures beside the bundled releases.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { SnapshotDiff } from "../../src/diff/types";
import { listSnapshotIds } from "../../src/snapshot/fs";
import { runCapture } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { REPO } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";
import { snapshot, SNAPSHOTS_DIR } from "./lib/snapshots";

const FIX = join(REPO, "test/fixtures/manifests");
const ELSEWHERE = mkdtempSync(join(tmpdir(), "kds-cwd-"));
const kds = (args: string[]) => runKdsMain(args, { cwd: ELSEWHERE });
const releases = listSnapshotIds(SNAPSHOTS_DIR).filter((id) => /^1\.\d+$/.test(id));

async function checked(args: string[]) {
  const r = await kds(["check", "-o", "json", ...args]);
  return { ...r, result: CheckResult.parse(JSON.parse(r.stdout)) };
}

describe("kds check targets", () => {
  it("accepts latest, v-prefixed minors and recorded patch releases, as the HTTP API does", async () => {
    for (const [given, id] of [["latest", releases.at(-1)!], ["v1.29", "1.29"], ["1.29.2", "1.29"], ["v1.29.2", "1.29"]] as const) {
      const r = await checked(["-t", given, join(FIX, "current-app.yaml")]);
      expect(r.result.targets.map((t) => t.id), given).toEqual([id]);
      expect(r.stderr, given).toBe("");
    }
  });

  it("checks any patch release of a bundled minor against that minor, and says so once", async () => {
    const r = await checked(["-t", "1.29.8,v1.25.0,1.29.9", join(FIX, "psp-and-cronjob.yaml")]);
    expect(r.code).toBe(1);
    expect(r.result.targets.map((t) => t.id)).toEqual(["1.29", "1.25"]);
    expect(r.stderr.trim().split("\n")).toEqual([
      "kds check: 1.29.8 is checked against the 1.29 release snapshot (v1.29.2)",
      expect.stringMatching(/^kds check: v1\.25\.0 is checked against the 1\.25 release snapshot \(v1\.25\.\d+\)$/),
      "kds check: 1.29.9 is checked against the 1.29 release snapshot (v1.29.2)",
    ]);
  });

  it("names one target once however it is written", async () => {
    const r = await checked(["-t", "1.29,v1.29,1.29.2", join(FIX, "current-app.yaml")]);
    expect(r.result.targets.map((t) => t.id)).toEqual(["1.29"]);
  });

  it("refuses a minor no snapshot describes, listing the known ones", async () => {
    const r = await kds(["check", "-t", "1.12.3", join(FIX, "current-app.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kds check: unknown target 1\.12\.3; known snapshots: 1\.19, /);
  });
});

describe("--snapshots DIR: your own clusters beside the releases", () => {
  let cluster: DiscoveryServer;
  let captures: string;

  beforeAll(async () => {
    // A cluster still on 1.21, captured as the user would: kds capture --out DIR/prod-eu.
    cluster = await serveDocuments((await snapshot("1.21")).documents.values());
    captures = mkdtempSync(join(tmpdir(), "kds-captures-"));
    const run = await runCapture(["--server", cluster.url, "--id", "prod-eu", "--out", join(captures, "prod-eu")]);
    expect(run.code, run.stderr).toBe(0);
  });
  afterAll(async () => { await cluster.stop(); });

  it("checks a capture and a bundled release in one run", async () => {
    const r = await checked(["--snapshots", captures, "-t", "prod-eu,1.25", join(FIX, "psp-and-cronjob.yaml")]);
    expect(r.code).toBe(1);
    expect(r.result.targets).toEqual([{ id: "prod-eu", kubernetesVersion: "1.21" }, { id: "1.25", kubernetesVersion: "1.25" }]);
    const cronJob = r.result.objects.find((o) => o.kind === "CronJob")!;
    expect(cronJob.verdicts.map((v) => [v.target, v.status])).toEqual([["prod-eu", "deprecated"], ["1.25", "not-served"]]);
  });

  it("takes one capture folder as well as a folder of captures", async () => {
    const r = await checked(["--snapshots", join(captures, "prod-eu"), "-t", "prod-eu", join(FIX, "psp-and-cronjob.yaml")]);
    expect(r.code).toBe(0);
  });

  it("diffs a capture against a release", async () => {
    const same = await kds(["diff", "1.21", "prod-eu", "--snapshots", captures, "-o", "json"]);
    expect(same.code).toBe(0);
    const d = SnapshotDiff.parse(JSON.parse(same.stdout));
    expect([d.groupsAdded, d.groupsRemoved, d.groupVersionsAdded, d.groupVersionsRemoved, d.resources].flat()).toEqual([]);
    const upgrade = SnapshotDiff.parse(JSON.parse((await kds(["diff", "prod-eu", "1.25", "--snapshots", captures, "-o", "json"])).stdout));
    expect(upgrade.from.id).toBe("prod-eu");
    expect(upgrade.groupVersionsRemoved).toEqual(expect.arrayContaining(["batch/v1beta1", "policy/v1beta1"]));
  });

  it("lists captures after the bundled releases", async () => {
    const ids = (await kds(["versions", "--snapshots", captures])).stdout.trim().split("\n").slice(1).map((l) => l.split(/\s+/)[0]);
    expect(ids).toEqual([...releases, "prod-eu"]);
  });

  it("says what is wrong with a folder that holds no snapshot, without a stack trace", async () => {
    const empty = mkdtempSync(join(tmpdir(), "kds-empty-"));
    writeFileSync(join(empty, "notes.txt"), "not a snapshot\n");
    for (const dir of [empty, join(empty, "missing")]) {
      const r = await kds(["check", "--snapshots", dir, "-t", "1.29", join(FIX, "current-app.yaml")]);
      expect(r.code, dir).toBe(2);
      expect(r.stderr, dir).toMatch(/^kds check: (snapshot folder .* does not exist|.* holds no snapshot: neither a manifest\.json .*)\n/);
      expect(r.stderr, dir).not.toMatch(/ENOENT|lifecycle\.json|\n\s+at /);
    }
  });
});

// The kds command line, from another directory: the package's bin as a user runs it (`bin`) for
// each exit code, stdin through a pipe and a machine with no network; everything else through
// main() in this process (`kds`, test/node/lib/kds-main.ts), the function the bin calls.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { CLI_INPUT_LIMIT, MAX_TARGETS } from "../../src/check/limits";
import { SnapshotDiff } from "../../src/diff/types";
import { listSnapshotIds } from "../../src/snapshot/fs";
import { KDS, REPO, runKds } from "./lib/kds-bin";
import { runKdsMain } from "./lib/kds-main";

const FIX = join(REPO, "test/fixtures/manifests");
const ELSEWHERE = mkdtempSync(join(tmpdir(), "kds-cwd-"));

const bin = (args: string[], stdin?: string) => runKds(args, { cwd: ELSEWHERE, stdin });
const kds = (args: string[], stdin?: string) => runKdsMain(args, { cwd: ELSEWHERE, stdin });

describe("kds", () => {
  it("prints its help and exits 0; without a command it exits 2", async () => {
    expect(await bin(["--help"])).toMatchObject({ code: 0, stdout: expect.stringContaining("Usage: kds COMMAND") });
    expect((await bin([])).code).toBe(2);
    expect(await bin(["frobnicate"])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });

  it("has help for every subcommand", async () => {
    for (const c of ["check", "diff", "timeline", "versions", "capture"]) {
      expect(await kds([c, "--help"]), c).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: kds ${c}`) });
    }
  });
});

describe("kds check exit codes", () => {
  it("0 when every object is served by every target", async () => {
    const r = await bin(["check", "--target", "1.29,1.32", join(FIX, "current-app.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 objects checked against 1.29, 1.32, 6 verdicts: 6 served, 0 deprecated, 0 not served");
  });

  it("1 when something is not served by a target", async () => {
    const r = await bin(["check", "--target", "1.22", join(FIX, "ingress-nginx")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✗  \S*legacy-ingress\.yaml:\d+ \(app\/templates\/ingress\.yaml\) +extensions\/v1beta1 Ingress shop\/web +1\.22 +NOT SERVED +networking\.k8s\.io\/v1 Ingress +.*use networking\.k8s\.io\/v1 Ingress$/m);
  });

  it("checks a repeated target once, and refuses more distinct targets than a check takes", async () => {
    const once = await kds(["check", "--target", "1.29,1.29", "-t", "1.29", "-o", "json", "-"], "apiVersion: v1\nkind: Pod\n");
    expect(CheckResult.parse(JSON.parse(once.stdout)).objects[0]!.verdicts).toHaveLength(1);
    const names = Array.from({ length: MAX_TARGETS + 1 }, (_, i) => `1.${i}`).join(",");
    expect(await kds(["check", "--target", names, "-"], "apiVersion: v1\nkind: Pod\n")).toMatchObject({ code: 2, stderr: expect.stringContaining(`at most ${MAX_TARGETS} distinct targets`) });
  });

  it("2 for an unknown target, listing the known ones", async () => {
    const r = await bin(["check", "--target", "1.29,9.99", join(FIX, "current-app.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown target 9.99; known snapshots: ${listSnapshotIds(join(REPO, "snapshots")).join(", ")}`);
    expect(r.stdout).toBe("");
  });

  it("0 for deprecations by default, 1 with --fail-on deprecated", async () => {
    const args = ["check", "-t", "1.29", join(FIX, "flowschema-v1beta3.yaml")];
    expect((await kds(args)).code).toBe(0);
    expect((await kds([...args, "--fail-on", "deprecated"])).code).toBe(1);
  });

  it("0 for objects unknown to the target by default, 1 with --fail-on unknown", async () => {
    const args = ["check", "-t", "1.29", join(FIX, "cert-manager-certificate.yaml")];
    const r = await kds(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^!  .* +1\.29 +UNKNOWN +- +1\.29 does not serve group cert-manager\.io/m);
    expect((await kds([...args, "--fail-on", "unknown,deprecated"])).code).toBe(1);
  });

  it("2 for malformed YAML, still reporting the documents that parsed", async () => {
    const r = await kds(["check", "-t", "1.29", "-o", "json", join(FIX, "malformed.yaml")]);
    expect(r.code).toBe(2);
    const result = CheckResult.parse(JSON.parse(r.stdout));
    expect(result.objects.map((o) => o.name)).toEqual(["before", "after"]);
    expect(result.errors).toMatchObject([{ document: 2, reason: "MalformedYAML" }]);
  });

  it("2 for objects without apiVersion or kind", async () => {
    expect((await kds(["check", "-t", "1.29", join(FIX, "missing-fields.yaml")])).code).toBe(2);
  });

  it("reads stdin for -, as after helm template", async () => {
    const r = await bin(["check", "-t", "1.25", "-o", "github", "-"], readFileSync(join(FIX, "psp-and-cronjob.yaml"), "utf8"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=-,line=1,title=policy\/v1beta1 PodSecurityPolicy%3A not-served on 1\.25::/m);
  });

  it("writes a JUnit report", async () => {
    const r = await kds(["check", "-t", "1.22,1.29", "-o", "junit", join(FIX, "ingress-nginx/legacy-ingress.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuite name="Kubernetes 1.22" tests="6" failures="1" errors="0" skipped="0">');
  });

  it("writes SARIF", async () => {
    const r = await kds(["check", "-t", "1.26", "-o", "sarif", join(FIX, "hpa-v2beta2.yaml")]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).runs[0].results[0]).toMatchObject({ ruleId: "not-served", level: "error" });
  });

  it("2 for usage errors: no target, no input, missing file, unknown flag or format, oversize input, endless input", async () => {
    const big = join(ELSEWHERE, "big.yaml");
    writeFileSync(big, Buffer.alloc(CLI_INPUT_LIMIT + 1, 0x20));
    for (const args of [
      ["check", join(FIX, "current-app.yaml")],
      ["check", "-t", "1.29"],
      ["check", "-t", "1.29", join(FIX, "nope.yaml")],
      ["check", "-t", "1.29", "--frob", join(FIX, "current-app.yaml")],
      ["check", "-t", "1.29", "-o", "xml", join(FIX, "current-app.yaml")],
      ["check", "-t", "1.29", "--fail-on", "everything", join(FIX, "current-app.yaml")],
      ["check", "-t", "1.29", big],
      ["check", "-t", "1.29", "/dev/zero"],
    ]) {
      const r = await kds(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(/^kds check: /);
    }
  });
});

describe("kds offline", () => {
  it("checks and diffs with no network at all (a fresh network namespace)", async () => {
    const run = (args: string[]) => new Promise<{ code: number; stdout: string }>((done, fail) => {
      const child = spawn("unshare", ["--net", process.execPath, KDS, ...args], { cwd: ELSEWHERE, stdio: ["ignore", "pipe", "inherit"] });
      let stdout = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.on("error", fail);
      child.on("close", (code) => done({ code: code ?? -1, stdout }));
    });
    const check = await run(["check", "-t", "1.25", join(FIX, "psp-and-cronjob.yaml")]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("2 not served");
    expect((await run(["diff", "1.24", "1.25"])).code).toBe(0);
  });
});

describe("kds diff and versions", () => {
  it("diffs two bundled snapshots in every format", async () => {
    const text = await kds(["diff", "1.24", "1.25"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("batch/v1beta1:\n  - cronjobs (CronJob)");
    const json = await kds(["diff", "1.24", "1.25", "-o", "json", "--group", "policy"]);
    expect(SnapshotDiff.parse(JSON.parse(json.stdout)).groupVersionsRemoved).toEqual(["policy/v1beta1"]);
    expect((await kds(["diff", "1.25", "1.24", "-o", "markdown"])).stdout).toMatch(/^## API changes from 1\.25 to 1\.24 \(downgrade\)/);
  });

  it("exits 2 for an unknown snapshot or a missing argument", async () => {
    expect(await kds(["diff", "1.24", "0.1"])).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown snapshot 0.1") });
    expect((await kds(["diff", "1.24"])).code).toBe(2);
  });

  it("lists the bundled snapshots", async () => {
    const r = await kds(["versions", "-o", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items.map((i: { id: string }) => i.id)).toEqual(listSnapshotIds(join(REPO, "snapshots")));
  });
});

describe("kds check reads what kubectl reads", () => {
  it("counts unreadable documents, not parser messages, and still checks the readable ones", async () => {
    const r = await kds(["check", "--target", "1.29", join(FIX, "inputs/two-broken-documents.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("2 objects checked against 1.29");
    expect(r.stdout).toContain(", 2 unreadable documents");
  });

  it("checks a CronJob two Lists deep, and concatenated JSON from stdin", async () => {
    const nested = await kds(["check", "-o", "json", "--target", "1.25", join(FIX, "inputs/nested-list.yaml")]);
    const cron = CheckResult.parse(JSON.parse(nested.stdout)).objects.find((o) => o.kind === "CronJob")!;
    expect(cron.verdicts[0]).toMatchObject({ status: "not-served", reason: "removed", replacement: { apiVersion: "batch/v1", kind: "CronJob" } });
    const json = await kds(["check", "-o", "json", "--target", "1.29", "-"], readFileSync(join(FIX, "inputs/dry-run-concatenated.json"), "utf8"));
    expect(CheckResult.parse(JSON.parse(json.stdout)).objects.map((o) => o.kind)).toEqual(["Deployment", "CronJob"]);
  });
});

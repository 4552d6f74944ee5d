// kds --server against the real worker (the shared production bundle over a KV seeded from the bundled snapshots):
// the remote answers must match what kds computes offline.
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CheckResult } from "../../src/check/result";
import { sharedWorker } from "./helpers/shared-worker";
import { KDS } from "./lib/kds-bin";

const REPO = resolve(import.meta.dirname, "../..");
const FIX = join(REPO, "test/fixtures/manifests");
const SERVER = sharedWorker().url;

function kds(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [KDS, ...args], { cwd: tmpdir(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

// Every test runs its own kds processes against the read-only worker, so they run concurrently.
describe.concurrent("kds --server", () => {
  it("check gives the same result and exit code as the offline check", async () => {
    const args = ["check", "-t", "1.22,1.29", "-o", "json", join(FIX, "ingress-nginx"), join(FIX, "cert-manager-certificate.yaml")];
    const [remote, local] = [await kds([...args, "--server", SERVER]), await kds(args)];
    expect(remote.stderr).toBe("");
    expect(remote.code).toBe(1);
    expect(local.code).toBe(1);
    expect(CheckResult.parse(JSON.parse(remote.stdout))).toEqual(CheckResult.parse(JSON.parse(local.stdout)));
  });

  it("check of a repository folder leaves out the same files as the offline check, and sends none of them", async () => {
    const args = ["check", "-t", "1.25", "-o", "json", join(REPO, "test/fixtures/repo")];
    const [remote, local] = [await kds([...args, "--server", SERVER]), await kds(args)];
    expect(remote.code).toBe(2);
    expect(local.code).toBe(2);
    const r = CheckResult.parse(JSON.parse(remote.stdout));
    expect(r).toEqual(CheckResult.parse(JSON.parse(local.stdout)));
    expect(r.skipped.map((k) => k.reason)).toEqual(["NotKubernetes", "HelmTemplate", "HelmTemplate", "NotKubernetes", "NotKubernetes", "NotKubernetes"]);
  });

  it("check of malformed YAML exits 2 and still reports the documents that parsed", async () => {
    const r = await kds(["check", "-t", "1.29", "-o", "json", "--server", SERVER, join(FIX, "malformed.yaml")]);
    expect(r.code).toBe(2);
    expect(CheckResult.parse(JSON.parse(r.stdout)).objects.map((o) => o.name)).toEqual(["before", "after"]);
  });

  it("check --crds sends the definitions along and gives the offline result", async () => {
    const args = ["check", "-t", "1.25,1.29", "-o", "json", "--crds", join(FIX, "crds/cert-manager/crds.yaml"), join(FIX, "crds/cert-manager/app.yaml"), join(FIX, "cert-manager-certificate.yaml")];
    const [remote, local] = [await kds([...args, "--server", SERVER]), await kds(args)];
    expect(remote.stderr).toBe("");
    expect(remote.code).toBe(1);
    expect(local.code).toBe(1);
    const r = CheckResult.parse(JSON.parse(remote.stdout));
    expect(r).toEqual(CheckResult.parse(JSON.parse(local.stdout)));
    expect(r.summary.unknown).toBe(0);
  });

  it("check --crds without a CustomResourceDefinition exits 2 before sending anything", async () => {
    const app = join(FIX, "crds/cert-manager/app.yaml");
    const r = await kds(["check", "-t", "1.29", "--crds", app, "--server", "http://127.0.0.1:9", app]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--crds: no CustomResourceDefinition found in ${app}`);
  });

  it("check with an unknown target exits 2 with the server's list of known snapshots", async () => {
    const r = await kds(["check", "-t", "9.99", "--server", SERVER, join(FIX, "current-app.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/server: snapshot 9\.99 not found; known snapshots: 1\.19, /);
  });

  it("diff prints what the offline diff prints", async () => {
    const args = ["diff", "1.24", "1.25", "-o", "markdown", "--group", "batch"];
    const [remote, local] = [await kds([...args, "--server", SERVER]), await kds(args)];
    expect(remote.code).toBe(0);
    expect(remote.stdout).toBe(local.stdout);
    expect(remote.stdout).toContain("`batch/v1beta1`");
  });

  it("versions lists the published snapshots", async () => {
    const [remote, local] = [await kds(["versions", "--server", SERVER]), await kds(["versions"])];
    expect(remote.code).toBe(0);
    expect(remote.stdout).toBe(local.stdout);
  });

  it("exits 2 when the server cannot be reached", async () => {
    const r = await kds(["diff", "1.24", "1.25", "--server", "http://127.0.0.1:8809"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot reach http://127.0.0.1:8809");
  });
});

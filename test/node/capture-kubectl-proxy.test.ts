// The documented way to capture a cluster: `kubectl proxy` in front of an HTTPS apiserver that
// requires a client certificate, and `kds capture --server http://127.0.0.1:<proxy port>`.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { makeCertificates, type TestCertificates } from "./lib/capture-certs";
import { documentFiles, runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot, SNAPSHOTS_DIR } from "./lib/snapshots";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.33";
// Without kubectl the test cannot run; in CI that is a failure, not a skip.
const runs = existsSync(KUBECTL) || process.env.CI === "true";

let certs: TestCertificates;
let apiserver: DiscoveryServer;
let proxy: ChildProcess;
let proxyUrl: string;
let out: string;

beforeAll(async () => {
  if (!runs) return;
  certs = makeCertificates();
  apiserver = await serveDocuments((await snapshot("1.30")).documents.values(), { tls: { key: certs.read("serverKey"), cert: certs.read("serverCert"), clientCa: certs.read("ca") } });
  const kubeconfig = join(certs.dir, "kubeconfig");
  writeFileSync(kubeconfig, toYaml({
    apiVersion: "v1", kind: "Config", "current-context": "test",
    clusters: [{ name: "test", cluster: { server: apiserver.url, "certificate-authority": certs.files.ca } }],
    users: [{ name: "test", user: { "client-certificate": certs.files.clientCert, "client-key": certs.files.clientKey } }],
    contexts: [{ name: "test", context: { cluster: "test", user: "test" } }],
  }));
  proxy = spawn(KUBECTL, ["proxy", "--port=0", "--kubeconfig", kubeconfig], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proxyUrl = await new Promise<string>((resolve, reject) => {
    proxy.on("error", reject);
    proxy.on("exit", (code) => reject(new Error(`kubectl proxy exited with ${code}: ${output}`)));
    const read = (chunk: Buffer) => {
      output += chunk;
      const port = /Starting to serve on 127\.0\.0\.1:(\d+)/.exec(output)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    };
    proxy.stdout!.on("data", read);
    proxy.stderr!.on("data", read);
  });
  out = tempDir("kubectl-proxy");
});

afterAll(async () => {
  if (!runs) return;
  if (proxy?.exitCode === null) {
    proxy.kill("SIGTERM");
    await once(proxy, "exit");
  }
  await apiserver?.stop();
  rmSync(certs.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe.runIf(runs)("kds capture through kubectl proxy", () => {
  it("captures every document of an HTTPS apiserver that requires a client certificate", async () => {
    const run = await runCapture(["--server", proxyUrl, "--out", join(out, "1.30")]);
    expect(run.stderr).not.toMatch(/kds capture:/);
    expect(run.code).toBe(0);
    expect(documentFiles(join(out, "1.30"))).toEqual(documentFiles(join(SNAPSHOTS_DIR, "1.30")));
    expect(run.stdout).toContain("aggregated discovery: v2, v2beta1,");
  });
});

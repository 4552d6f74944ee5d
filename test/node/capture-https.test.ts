// kds capture over HTTPS: client certificates, bearer tokens, CA verification and kubeconfig
// contexts, against a loopback HTTPS server serving the bundled 1.30 snapshot.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import type { LoadedSnapshot } from "../../src/snapshot/fs";
import { makeCertificates, type TestCertificates } from "./lib/capture-certs";
import { documentFiles, runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot, SNAPSHOTS_DIR } from "./lib/snapshots";

const TOKEN = "capture-test-token-1c9f";
let certs: TestCertificates;
let source: LoadedSnapshot;
let certServer: DiscoveryServer;
let tokenServer: DiscoveryServer;
let out: string;

beforeAll(async () => {
  certs = makeCertificates();
  source = await snapshot("1.30");
  const tls = { key: certs.read("serverKey"), cert: certs.read("serverCert") };
  certServer = await serveDocuments(source.documents.values(), { tls: { ...tls, clientCa: certs.read("ca") } });
  tokenServer = await serveDocuments(source.documents.values(), { tls, token: TOKEN });
  out = tempDir("https");
});

afterAll(async () => {
  await certServer.stop();
  await tokenServer.stop();
  rmSync(certs.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

const outDir = (name: string) => join(out, name);
const expectSnapshotOf130 = (dir: string) => expect(documentFiles(dir)).toEqual(documentFiles(join(SNAPSHOTS_DIR, "1.30")));

function writeKubeconfig(name: string, config: object): string {
  const file = join(out, `${name}.kubeconfig`);
  writeFileSync(file, toYaml(config));
  return file;
}

const b64 = (file: Parameters<TestCertificates["read"]>[0]) => certs.read(file).toString("base64");

describe("kds capture over HTTPS", () => {
  it("captures with a client certificate, verifying the server against --certificate-authority", async () => {
    const run = await runCapture(["--server", certServer.url, "--certificate-authority", certs.files.ca, "--client-certificate", certs.files.clientCert, "--client-key", certs.files.clientKey, "--out", outDir("cert")]);
    expect(run.stderr).not.toMatch(/kds capture:/);
    expect(run.code).toBe(0);
    expectSnapshotOf130(outDir("cert"));
  });

  it("fails with the server's 403 when no client certificate is presented", async () => {
    const run = await runCapture(["--server", certServer.url, "--certificate-authority", certs.files.ca, "--out", outDir("no-cert")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`kds capture: GET ${certServer.url}/version: 403 Forbidden: forbidden: a client certificate is required`);
  });

  it("explains a TLS handshake the server ends for want of a client certificate", async () => {
    const strict = await serveDocuments(source.documents.values(), { tls: { key: certs.read("serverKey"), cert: certs.read("serverCert"), clientCa: certs.read("ca"), handshake: true } });
    try {
      const run = await runCapture(["--server", strict.url, "--certificate-authority", certs.files.ca, "--retries", "0", "--out", outDir("handshake")]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^kds capture: GET https:\/\/127\.0\.0\.1:\d+\/version: TLS: the server rejected the client certificate: tlsv13 alert certificate required \(pass --client-certificate and --client-key\)\n$/);
    } finally {
      await strict.stop();
    }
  });

  it("captures with a bearer token", async () => {
    const run = await runCapture(["--server", tokenServer.url, "--certificate-authority", certs.files.ca, "--token", TOKEN, "--out", outDir("token")]);
    expect(run.code).toBe(0);
    expectSnapshotOf130(outDir("token"));
  });

  it("fails with a clear 401 error when the token is wrong", async () => {
    const run = await runCapture(["--server", tokenServer.url, "--certificate-authority", certs.files.ca, "--token", "not-the-token", "--out", outDir("bad-token")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kds capture: GET ${tokenServer.url}/version: 401 Unauthorized: Unauthorized (is --server a kube-apiserver or kubectl proxy?)\n`);
  });

  it("refuses a server whose certificate is not signed by the given CA", async () => {
    const run = await runCapture(["--server", tokenServer.url, "--certificate-authority", certs.files.otherCa, "--token", TOKEN, "--retries", "0", "--out", outDir("other-ca")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kds capture: GET https:\/\/127\.0\.0\.1:\d+\/version: TLS: the server's certificate is not trusted: .+ \(pass --certificate-authority, or --insecure-skip-tls-verify\)\n$/);
  });

  it("verifies the server certificate against --tls-server-name instead of the URL's host", async () => {
    const common = ["--server", tokenServer.url, "--certificate-authority", certs.files.ca, "--token", TOKEN, "--retries", "0"];
    expect((await runCapture([...common, "--tls-server-name", "kubernetes.default.svc", "--out", outDir("sni")])).code).toBe(0);
    const wrong = await runCapture([...common, "--tls-server-name", "elsewhere.example", "--out", outDir("sni-wrong")]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/TLS: the server's certificate is not trusted: Hostname\/IP does not match certificate's altnames: Host: elsewhere\.example\./);
  });

  it("accepts an unverified server certificate with --insecure-skip-tls-verify", async () => {
    const run = await runCapture(["--server", tokenServer.url, "--insecure-skip-tls-verify", "--token", TOKEN, "--out", outDir("insecure")]);
    expect(run.code).toBe(0);
    expectSnapshotOf130(outDir("insecure"));
  });
});

describe("kds capture with a kubeconfig", () => {
  const kubeconfig = () => ({
    apiVersion: "v1",
    kind: "Config",
    "current-context": "token",
    clusters: [
      { name: "cert-cluster", cluster: { server: certServer.url, "certificate-authority-data": b64("ca") } },
      { name: "token-cluster", cluster: { server: tokenServer.url, "certificate-authority-data": b64("ca") } },
    ],
    users: [
      { name: "cert-user", user: { "client-certificate-data": b64("clientCert"), "client-key-data": b64("clientKey") } },
      { name: "token-user", user: { token: TOKEN } },
    ],
    contexts: [
      { name: "cert", context: { cluster: "cert-cluster", user: "cert-user" } },
      { name: "token", context: { cluster: "token-cluster", user: "token-user" } },
    ],
  });

  it("uses the cluster and user of --context, with inline base64 certificate data", async () => {
    const file = writeKubeconfig("inline", kubeconfig());
    const run = await runCapture(["--kubeconfig", file, "--context", "cert", "--out", outDir("kc-cert")]);
    expect(run.code).toBe(0);
    expect(certServer.requests.some((r) => r.path === "/apis/apps/v1")).toBe(true);
    expectSnapshotOf130(outDir("kc-cert"));
  });

  it("uses current-context when --context is not given", async () => {
    const file = writeKubeconfig("current", kubeconfig());
    const run = await runCapture(["--kubeconfig", file, "--out", outDir("kc-current")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`from ${tokenServer.url}:`);
  });

  it("finds the kubeconfig through $KUBECONFIG", async () => {
    const file = writeKubeconfig("env", kubeconfig());
    const run = await runCapture(["--context", "cert", "--out", outDir("kc-env")], { KUBECONFIG: file });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`from ${certServer.url}:`);
  });

  it("runs an exec credential plugin for the token, as EKS and GKE kubeconfigs require", async () => {
    const plugin = join(out, "token-plugin.mjs");
    // Answers only when client-go's KUBERNETES_EXEC_INFO is passed, as real plugins may require.
    writeFileSync(plugin, `const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
if (info.kind !== "ExecCredential") process.exit(3);
process.stdout.write(JSON.stringify({ apiVersion: info.apiVersion, kind: "ExecCredential", status: { token: process.env.PLUGIN_TOKEN } }));\n`);
    const config = kubeconfig();
    config.users[1] = { name: "token-user", user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: process.execPath, args: [plugin], env: [{ name: "PLUGIN_TOKEN", value: TOKEN }] } } as never };
    const run = await runCapture(["--kubeconfig", writeKubeconfig("exec", config), "--context", "token", "--out", outDir("kc-exec")]);
    expect(run.code).toBe(0);
    expectSnapshotOf130(outDir("kc-exec"));
  });
});

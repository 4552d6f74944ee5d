// How kds capture turns kubectl-style flags and kubeconfig files into a connection.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { resolveConnection, type ConnectionFlags } from "../../src/capture/connection";
import { makeCertificates, type TestCertificates } from "./lib/capture-certs";

let certs: TestCertificates;
let dir: string;

beforeAll(() => {
  certs = makeCertificates();
  dir = certs.dir;
});
afterAll(() => rmSync(certs.dir, { recursive: true, force: true }));

function kubeconfig(file: string, config: object): string {
  const path = join(dir, file);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, toYaml({ apiVersion: "v1", kind: "Config", ...config }));
  return path;
}

const single = (server: string, user: object, cluster: object = {}) => ({
  "current-context": "main",
  clusters: [{ name: "c", cluster: { server, ...cluster } }],
  users: [{ name: "u", user }],
  contexts: [{ name: "main", context: { cluster: "c", user: "u" } }],
});

const resolve = (flags: ConnectionFlags, env = {}) => resolveConnection(flags, env, 5_000);

describe("kubeconfig files", () => {
  it("resolves relative certificate and token paths against the kubeconfig's own folder", async () => {
    writeFileSync(join(dir, "token.txt"), "from-token-file\n");
    const file = kubeconfig("kc-relative", single("https://127.0.0.1:6443", { "client-certificate": "client.crt", "client-key": "client.key", tokenFile: "token.txt" }, { "certificate-authority": "ca.crt" }));
    const conn = await resolve({ kubeconfig: file });
    expect(conn.certificateAuthority).toEqual(certs.read("ca"));
    expect(conn.clientCertificate).toEqual(certs.read("clientCert"));
    expect(conn.clientKey).toEqual(certs.read("clientKey"));
    expect(conn.token).toBe("from-token-file");
  });

  it("decodes inline base64 *-data fields", async () => {
    const file = kubeconfig("kc-inline", single("https://127.0.0.1:6443", { "client-certificate-data": certs.read("clientCert").toString("base64"), "client-key-data": certs.read("clientKey").toString("base64") }, { "certificate-authority-data": certs.read("ca").toString("base64") }));
    const conn = await resolve({ kubeconfig: file });
    expect([conn.certificateAuthority, conn.clientCertificate, conn.clientKey]).toEqual([certs.read("ca"), certs.read("clientCert"), certs.read("clientKey")]);
  });

  it("merges a $KUBECONFIG path list with the first definition of a name winning", async () => {
    const first = kubeconfig("merge/first", { clusters: [{ name: "c", cluster: { server: "https://first.example:6443" } }], contexts: [{ name: "main", context: { cluster: "c" } }] });
    const second = kubeconfig("merge/second", { "current-context": "main", clusters: [{ name: "c", cluster: { server: "https://second.example:6443" } }], contexts: [] });
    expect((await resolve({}, { KUBECONFIG: `${first}:${second}` })).server.toString()).toBe("https://first.example:6443/");
  });

  it("names the contexts it has when --context is unknown", async () => {
    const file = kubeconfig("kc-contexts", single("https://127.0.0.1:6443", { token: "t" }));
    await expect(resolve({ kubeconfig: file, context: "prod" })).rejects.toThrow(`${file}: context "prod" not found (have: main)`);
  });

  it("rejects a file that is not a kubeconfig, naming the file and field", async () => {
    const file = kubeconfig("kc-broken", { clusters: { c: "not a list" } });
    await expect(resolve({ kubeconfig: file })).rejects.toThrow(`${file}: not a valid kubeconfig: clusters:`);
  });

  it("explains that auth-provider users need kubectl proxy", async () => {
    const file = kubeconfig("kc-provider", single("https://127.0.0.1:6443", { "auth-provider": { name: "oidc" } }));
    await expect(resolve({ kubeconfig: file })).rejects.toThrow('context "main" authenticates with an auth-provider, which kds capture does not support; run kubectl proxy and pass --server http://127.0.0.1:8001');
  });
});

describe("flags", () => {
  it("override the kubeconfig's server and token", async () => {
    const file = kubeconfig("kc-override", single("https://127.0.0.1:6443", { token: "kubeconfig-token" }));
    const conn = await resolve({ kubeconfig: file, server: "https://127.0.0.1:7443", token: "flag-token" });
    expect([conn.server.toString(), conn.token]).toEqual(["https://127.0.0.1:7443/", "flag-token"]);
  });

  it("--server alone reads no kubeconfig, so no stored credentials go to that server", async () => {
    const file = kubeconfig("kc-ignored", single("https://127.0.0.1:6443", { token: "secret" }));
    const conn = await resolve({ server: "http://127.0.0.1:8001" }, { KUBECONFIG: file });
    expect(conn.token).toBeUndefined();
  });

  it("default a server without a scheme to http, or to https when TLS settings are given", async () => {
    expect((await resolve({ server: "127.0.0.1:8001" })).server.toString()).toBe("http://127.0.0.1:8001/");
    expect((await resolve({ server: "127.0.0.1:6443", insecureSkipTLSVerify: true })).server.toString()).toBe("https://127.0.0.1:6443/");
  });

  it("refuse a certificate authority together with --insecure-skip-tls-verify", async () => {
    await expect(resolve({ server: "https://127.0.0.1:6443", certificateAuthority: certs.files.ca, insecureSkipTLSVerify: true })).rejects.toThrow("a certificate authority and --insecure-skip-tls-verify exclude each other");
  });

  it("refuse a client certificate without its key", async () => {
    await expect(resolve({ server: "https://127.0.0.1:6443", clientCertificate: certs.files.clientCert })).rejects.toThrow("a client certificate needs its key, and a key its certificate");
  });
});

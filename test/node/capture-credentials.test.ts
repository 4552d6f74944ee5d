// kds capture keeps credentials out of the manifest and out of what it prints (CI logs): no
// credentials or query string in --server, a token or client key echoed back by the server is
// redacted, and --insecure-skip-tls-verify=false is read as kubectl reads it.
import { once } from "node:events";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { REDACTED, redact, secretsOf } from "../../src/capture/redact";
import type { LoadedSnapshot } from "../../src/snapshot/fs";
import { makeCertificates, type TestCertificates } from "./lib/capture-certs";
import { runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot } from "./lib/snapshots";

const TOKEN = "capture-secret-token-7f3a9c";
let source: LoadedSnapshot;
let certs: TestCertificates;
let out: string;
const stops: (() => unknown)[] = [];

beforeAll(async () => {
  source = await snapshot("1.29");
  certs = makeCertificates();
  out = tempDir("credentials");
});
afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(certs.dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

async function served(opts: Parameters<typeof serveDocuments>[1] = {}): Promise<DiscoveryServer> {
  const server = await serveDocuments(source.documents.values(), opts);
  stops.push(() => server.stop());
  return server;
}

/** A server that answers every request 403 with a Status quoting the Authorization header it got. */
async function echoingServer(): Promise<string> {
  const server = http.createServer((req, res) => {
    const message = `forbidden: credential ${req.headers.authorization} cannot get path "${req.url}"`;
    res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ kind: "Status", apiVersion: "v1", status: "Failure", reason: "Forbidden", code: 403, message }));
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  stops.push(() => { server.closeAllConnections(); server.close(); });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("kds capture --server", () => {
  it("refuses a query string, which could hold a token, without printing it or writing anything", async () => {
    const server = await served();
    const run = await runCapture(["--server", `${server.url}/?access_token=${TOKEN}`, "--out", join(out, "query")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--server must not carry a query string or fragment");
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    expect(server.requests).toEqual([]);
    expect(existsSync(join(out, "query"))).toBe(false);
  });

  it("refuses user info in the URL, and never prints it, even when the URL does not parse", async () => {
    for (const url of [`http://admin:${TOKEN}@127.0.0.1:1`, `http://admin:${TOKEN}@[not-an-address`]) {
      const run = await runCapture(["--server", url, "--out", join(out, "userinfo")]);
      expect(run.code, url).toBe(2);
      expect(run.stderr, url).not.toContain(TOKEN);
    }
  });

  it("records and prints the server as scheme, host and path prefix only", async () => {
    const server = await served();
    const run = await runCapture(["--server", `${server.url}/`, "--out", join(out, "plain")]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "plain", "manifest.json"), "utf8")).provenance.server).toBe(server.url);
    expect(run.stdout).toContain(`from ${server.url}:`);
  });
});

describe("kds capture redacts credentials the server echoes back", () => {
  it("in the failure it prints", async () => {
    const url = await echoingServer();
    const run = await runCapture(["--server", url, "--token", TOKEN, "--retries", "0", "--out", join(out, "echo")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`credential Bearer ${REDACTED} cannot get path`);
    expect(run.stderr).not.toContain(TOKEN);
  });

  it("in the warnings it prints and the unknown reasons it records", async () => {
    const message = `service unavailable for token ${TOKEN}`;
    const server = await served({ token: TOKEN, failures: new Map([["/apis/autoscaling/v2", { status: 503, reason: "ServiceUnavailable", message }]]) });
    const run = await runCapture(["--server", server.url, "--token", TOKEN, "--retries", "0", "--out", join(out, "warned")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: /apis/autoscaling/v2 *: not readable: 503 ServiceUnavailable: service unavailable for token ${REDACTED}\n`);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
    expect(readFileSync(join(out, "warned", "manifest.json"), "utf8")).not.toContain(TOKEN);
  });

  it("and a client key's material, whole or line by line", () => {
    const pem = certs.read("clientKey").toString("utf8").trim();
    const secrets = secretsOf({ clientKey: Buffer.from(pem) });
    expect(redact(`key: ${pem} end`, secrets)).toBe(`key: ${REDACTED} end`);
    expect(redact(`echoed ${pem.split("\n")[1]} back`, secrets)).toBe(`echoed ${REDACTED} back`);
  });
});

describe("kds capture --insecure-skip-tls-verify=BOOL, as kubectl reads it", () => {
  let https: DiscoveryServer;
  let kubeconfig: string;
  beforeAll(async () => {
    https = await served({ tls: { key: certs.read("serverKey"), cert: certs.read("serverCert") } });
    // A kubeconfig that skips verification: the flag must be able to turn that off again.
    kubeconfig = join(out, "insecure.kubeconfig");
    writeFileSync(kubeconfig, toYaml({
      apiVersion: "v1", kind: "Config", "current-context": "c",
      clusters: [{ name: "k", cluster: { server: https.url, "insecure-skip-tls-verify": true } }],
      users: [{ name: "u", user: {} }], contexts: [{ name: "c", context: { cluster: "k", user: "u" } }],
    }));
  });

  it("=false verifies the server's certificate even when the kubeconfig skips verification", async () => {
    const run = await runCapture(["--kubeconfig", kubeconfig, "--insecure-skip-tls-verify=false", "--retries", "0", "--out", join(out, "verify")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TLS: the server's certificate is not trusted");
  });

  it("=true skips verification like the bare flag", async () => {
    const run = await runCapture(["--server", https.url, "--insecure-skip-tls-verify=true", "--out", join(out, "skip")]);
    expect(run.stderr).not.toContain("kds capture:");
    expect(run.code).toBe(0);
  });

  it("refuses a value that is not a boolean", async () => {
    const run = await runCapture(["--server", https.url, "--insecure-skip-tls-verify=maybe", "--out", join(out, "maybe")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--insecure-skip-tls-verify takes true or false, got "maybe"');
  });
});

// How kds capture fails: unreachable or silent servers, answers that are not discovery,
// documents the server refuses, existing output folders and bad invocations.
import { once } from "node:events";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../../src/capture/http";
import type { APIGroupList } from "../../src/discovery/types";
import type { LoadedSnapshot } from "../../src/snapshot/fs";
import { CAPTURED_AT, runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments } from "./lib/capture-server";
import { snapshot } from "./lib/snapshots";

let source: LoadedSnapshot;
let out: string;
const servers: { close(): unknown }[] = [];

beforeAll(async () => {
  source = await snapshot("1.29");
  out = tempDir("failures");
});

afterAll(() => {
  for (const s of servers) s.close();
  rmSync(out, { recursive: true, force: true });
});

/** A loopback server answering every request with `handler`. */
async function rawServer(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler).listen(0, "127.0.0.1");
  await once(server, "listening");
  servers.push({ close: () => { server.closeAllConnections(); server.close(); } });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1);

async function served(opts: Parameters<typeof serveDocuments>[1] = {}) {
  const server = await serveDocuments(source.documents.values(), opts);
  servers.push({ close: () => server.stop() });
  return server;
}

describe("kds capture against servers that do not answer discovery", () => {
  it("fails with 'connection refused' when nothing listens, after its retries", async () => {
    const closed = http.createServer().listen(0, "127.0.0.1");
    await once(closed, "listening");
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    const run = await runCapture(["--server", url, "--retries", "1", "--out", join(out, "refused")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kds capture: GET ${url}/version: connection refused (is the server running and the address right?) (after 2 attempts)\n`);
  });

  it("gives up on a server that never answers after --request-timeout", async () => {
    const url = await rawServer(() => { /* never responds */ });
    const run = await runCapture(["--server", url, "--request-timeout", "200ms", "--retries", "0", "--out", join(out, "silent")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kds capture: GET ${url}/version: no answer within 0.2s\n`);
  });

  it("rejects an HTML answer as not discovery", async () => {
    const url = await rawServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>login</html>"));
    const run = await runCapture(["--server", url, "--out", join(out, "html")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kds capture: GET ${url}/version: not a discovery answer (Content-Type "text/html", expected application/json)\n`);
  });

  it("rejects JSON that is not the expected discovery document, naming the offending fields", async () => {
    const url = await rawServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}'));
    const run = await runCapture(["--server", url, "--out", join(out, "json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^kds capture: GET ${url}/version: not a valid discovery document for /version: major: .*\\n$`));
  });

  it("reports the server's Status when /version is not found (wrong --server path)", async () => {
    const server = await served();
    const run = await runCapture(["--server", `${server.url}/not-a-cluster`, "--out", join(out, "prefix")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`kds capture: GET ${server.url}/not-a-cluster/version: 404 NotFound: the server could not find the requested resource (is --server a kube-apiserver or kubectl proxy?)\n`);
  });

  it("refuses a group-version document that describes another group-version", async () => {
    const docs = [...source.documents.values()];
    const batch = docs.find((d) => d.ref.path === "/apis/batch/v1")!.body;
    const server = await serveDocuments(docs.map((d) => (d.ref.path === "/apis/apps/v1" ? { ref: d.ref, body: batch } : d)));
    servers.push({ close: () => server.stop() });
    const run = await runCapture(["--server", server.url, "--out", join(out, "mismatch")]);
    expect(run.code).toBe(1);
    expect(lastLine(run.stderr)).toBe("kds capture: GET /apis/apps/v1: the document describes batch/v1, not apps/v1");
  });

  it("refuses group names that are not Kubernetes names before requesting them (no path tricks)", async () => {
    const docs = [...source.documents.values()].map((d) => {
      if (d.ref.path !== "/apis" || d.ref.form !== "legacy") return d;
      const list = d.body as APIGroupList;
      const [first, ...rest] = list.groups;
      return { ref: d.ref, body: { ...list, groups: [{ ...first!, name: "../../escape" }, ...rest] } };
    });
    const server = await serveDocuments(docs);
    servers.push({ close: () => server.stop() });
    const run = await runCapture(["--server", server.url, "--out", join(out, "escape")]);
    expect(run.code).toBe(1);
    expect(lastLine(run.stderr)).toBe('kds capture: /apis lists "/apis/../../escape", which is not a discovery document path (invalid group or version name)');
    expect(server.requests.some((r) => r.path.includes("escape"))).toBe(false);
  });

  it("stops reading an answer larger than the body limit", async () => {
    const server = await served();
    const client = createClient({ server: new URL(server.url), insecureSkipTLSVerify: false }, { timeoutMs: 5_000, retries: 2, retryDelayMs: 1, maxBodyBytes: 1_000, userAgent: "test" });
    try {
      await expect(client.get("/apis", "application/json")).rejects.toThrow(`GET ${server.url}/apis: response body exceeds 1000 bytes`);
      expect(server.requests.filter((r) => r.path === "/apis")).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it("writes nothing when the capture fails", async () => {
    const url = await rawServer((_req, res) => res.writeHead(500).end());
    const run = await runCapture(["--server", url, "--retries", "0", "--out", join(out, "nothing")]);
    expect(run.code).toBe(1);
    expect(existsSync(join(out, "nothing"))).toBe(false);
  });
});

describe("kds capture with documents the server refuses", () => {
  it("retries a transient 503 and then captures the document", async () => {
    const server = await served({ failures: new Map([["/apis/apps/v1", { status: 503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request", times: 1 }]]) });
    const run = await runCapture(["--server", server.url, "--out", join(out, "transient")]);
    expect(run.code).toBe(0);
    expect(server.requests.filter((r) => r.path === "/apis/apps/v1")).toHaveLength(2);
    expect(readFileSync(join(out, "transient", "apis/apps/v1.json"), "utf8")).toBe(readFileSync(join(source.dir, "apis/apps/v1.json"), "utf8"));
  });

  it("records a group-version that stays unavailable as unknown and warns, keeping the rest", async () => {
    const server = await served({ failures: new Map([["/apis/autoscaling/v2", { status: 503, reason: "ServiceUnavailable", message: "the server is currently unable to handle the request" }]]) });
    const run = await runCapture(["--server", server.url, "--retries", "1", "--out", join(out, "unavailable")]);
    expect(run.code).toBe(0);
    const reason = "not readable: 503 ServiceUnavailable: the server is currently unable to handle the request";
    expect(run.stderr).toContain(`warning: /apis/autoscaling/v2 *: ${reason}\n`);
    const manifest = JSON.parse(readFileSync(join(out, "unavailable", "manifest.json"), "utf8"));
    expect(manifest.unknown).toEqual([{ document: "/apis/autoscaling/v2", field: "*", reason }]);
    expect(manifest.documents.map((d: { path: string }) => d.path)).not.toContain("/apis/autoscaling/v2");
    expect(manifest.documents).toHaveLength(source.manifest.documents.length - 1);
  });

  it("records a forbidden root path list as unknown (RBAC grants / to few users)", async () => {
    const server = await served({ failures: new Map([["/", { status: 403, reason: "Forbidden", message: 'forbidden: User "system:anonymous" cannot get path "/"' }]]) });
    const run = await runCapture(["--server", server.url, "--out", join(out, "root")]);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, "root", "manifest.json"), "utf8"));
    expect(manifest.unknown).toEqual([{ document: "/", field: "*", reason: 'not readable: 403 Forbidden: forbidden: User "system:anonymous" cannot get path "/"' }]);
  });
});

describe("kds capture output folders", () => {
  it("refuses to replace an existing folder without --force", async () => {
    const server = await served();
    mkdirSync(join(out, "existing"));
    writeFileSync(join(out, "existing", "manifest.json"), "{}");
    const run = await runCapture(["--server", server.url, "--out", join(out, "existing")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`kds capture: ${join(out, "existing")} already exists; pass --force to replace it, or choose another --id/--out`);
    expect(server.requests).toEqual([]);
  });

  it("replaces an existing snapshot folder with --force", async () => {
    const server = await served();
    mkdirSync(join(out, "forced"));
    writeFileSync(join(out, "forced", "manifest.json"), "{}");
    const run = await runCapture(["--server", server.url, "--out", join(out, "forced"), "--force"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "forced", "manifest.json"), "utf8")).provenance.capturedAt).toBe(CAPTURED_AT.toISOString());
  });

  it("never replaces a folder that is not a snapshot, even with --force", async () => {
    const server = await served();
    mkdirSync(join(out, "precious"));
    writeFileSync(join(out, "precious", "notes.txt"), "keep me");
    const run = await runCapture(["--server", server.url, "--out", join(out, "precious"), "--force"]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(out, "precious", "notes.txt"), "utf8")).toBe("keep me");
  });
});

describe("kds capture invocation", () => {
  it("prints its usage for --help", async () => {
    const run = await runCapture(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: kds capture \[flags\]\n/);
  });

  it.each([
    [["--server"], /Option '-s, --server <value>' argument missing/],
    [["--srever", "http://127.0.0.1:1"], /Unknown option '--srever'/],
    [["--server", "ftp://127.0.0.1:8001"], /--server must be an http or https URL, got ftp:\/\/127\.0\.0\.1:8001/],
    [["--server", "http://127.0.0.1:1", "--request-timeout", "soon"], /--request-timeout: not a positive duration such as 30s, 2m or 500ms: soon/],
    [["--server", "http://127.0.0.1:1", "--id", "My Cluster"], /--id "My Cluster" is not a snapshot id/],
    [["--server", "http://127.0.0.1:1", "--client-certificate", "/nonexistent/client.crt"], /cannot read --client-certificate \/nonexistent\/client\.crt: ENOENT/],
    [[], /no server: pass --server URL/],
  ])("exits 2 with a clear message for %j", async (argv, message) => {
    const run = await runCapture(argv, { HOME: out });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/Run "kds capture --help" for usage\.\n$/);
  });
});

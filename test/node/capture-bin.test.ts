// `kds capture` through the package's bin (built to dist/cli/kds.mjs from src/cli), as a user runs it.
import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentFiles, tempDir } from "./lib/capture-cli";
import { KDS } from "./lib/kds-bin";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot, SNAPSHOTS_DIR } from "./lib/snapshots";

let server: DiscoveryServer;
let out: string;

beforeAll(async () => {
  server = await serveDocuments((await snapshot("1.29")).documents.values());
  out = tempDir("bin");
});

afterAll(async () => {
  await server.stop();
  rmSync(out, { recursive: true, force: true });
});

/** Runs the bin from another directory, so defaults such as snapshots/<id> resolve against the user's folder. */
function kds(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KDS, ...argv], { cwd: out, env: { ...process.env, KUBECONFIG: "" } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

describe("kds capture through the package bin", () => {
  it("writes snapshots/<minor> under the current directory by default", async () => {
    const run = await kds(["capture", "--server", server.url]);
    expect(run.stderr).not.toMatch(/kds capture:/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`captured 1.29 (v1.29.2) from ${server.url}: 47 documents, aggregated discovery: v2beta1, 0 unknown -> snapshots/1.29\n`);
    expect(documentFiles(join(out, "snapshots/1.29"))).toEqual(documentFiles(join(SNAPSHOTS_DIR, "1.29")));
  });

  it("exits 1 with a one-line message and no stack trace when the server is unreachable", async () => {
    const run = await kds(["capture", "--server", "http://127.0.0.1:1", "--retries", "0"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("kds capture: GET http://127.0.0.1:1/version: connection refused (is the server running and the address right?)\n");
  });

  it("exits 2 for a usage error", async () => {
    const run = await kds(["capture", "--no-such-flag"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kds capture: Unknown option '--no-such-flag'/);
  });
});

// Progress of a capture on stderr: a line per document for logs, one rewritten line on a terminal.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot } from "./lib/snapshots";

let server: DiscoveryServer;
let out: string;

beforeAll(async () => {
  server = await serveDocuments((await snapshot("1.29")).documents.values(), {
    failures: new Map([["/apis/batch/v1", { status: 403, reason: "Forbidden", message: "forbidden" }]]),
  });
  out = tempDir("progress");
});

afterAll(async () => {
  await server.stop();
  rmSync(out, { recursive: true, force: true });
});

describe("capture progress", () => {
  it("writes one line per request when stderr is not a terminal, ending at the final count", async () => {
    const requestsBefore = server.requests.length;
    const run = await runCapture(["--server", server.url, "--out", join(out, "log")]);
    const lines = run.stderr.split("\n").filter((l) => l.startsWith("["));
    expect(lines).toHaveLength(server.requests.length - requestsBefore);
    expect(lines[0]).toBe("[1/8] captured /version");
    expect(lines).toContain("[4/8] captured /");
    expect(lines).toContain("[5/8] not served /api (aggregated v2)");
    expect(lines.some((l) => / unreadable \/apis\/batch\/v1$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(new RegExp(`^\\[${lines.length}/${lines.length}\\] `));
  });

  it("rewrites a single status line on a terminal, keeping unreadable documents on lines of their own", async () => {
    const run = await runCapture(["--server", server.url, "--out", join(out, "tty")], {}, true);
    const progress = run.stderr.slice(0, run.stderr.indexOf("warning:"));
    expect(progress.startsWith("\r\x1b[K[1/8] captured /version\r\x1b[K[2/8] captured /api")).toBe(true);
    expect(progress.match(/\n/g)).toHaveLength(1);
    expect(progress).toMatch(/\r\x1b\[K\[\d+\/\d+\] unreadable \/apis\/batch\/v1\n/);
    expect(progress.endsWith("\r\x1b[K")).toBe(true);
  });
});

// Starts the real worker under `wrangler dev` on a free loopback port, with its own KV
// persisted in a temporary folder and seeded from a snapshots folder by the same seeder npm start uses.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { seedLocalKv } from "../../../src/store/seed-local";

const REPO = resolve(import.meta.dirname, "../../..");

export interface RunningWorker { url: string; log: () => string; stop: () => Promise<void> }

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    }).on("error", fail);
  });
}

export async function startWorker(opts: { snapshotsDir?: string } = {}): Promise<RunningWorker> {
  const state = mkdtempSync(join(tmpdir(), "kds-worker-"));
  await seedLocalKv(opts.snapshotsDir ?? join(REPO, "snapshots"), state);
  const port = await freePort();
  const child = spawn(join(REPO, "node_modules/.bin/wrangler"),
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", state, "--log-level", "info", "--show-interactive-dev-session=false"],
    { cwd: REPO, env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c) => { output += c; });
  child.stderr.on("data", (c) => { output += c; });
  const exited = new Promise<void>((ok) => child.on("exit", () => ok()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => { child.kill("SIGTERM"); await exited; rmSync(state, { recursive: true, force: true }); };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try { if ((await fetch(`${url}/healthz`)).ok) return { url, log: () => output, stop }; } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`wrangler dev did not become ready:\n${output}`);
}

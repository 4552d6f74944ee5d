// The production bundle running in workerd through Miniflare (no wrangler dev in between), with its
// KV namespace seeded from a snapshots folder by the project's own seeder (src/store/seed-local.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { KV_BINDING, KV_NAMESPACE_ID, seedLocalKv } from "../../src/store/seed-local";
import { compatibilityOf } from "./bundle";
import { childrenNamed } from "./proc";

export interface MiniflareWorker {
  url: string;
  /** Pid of the workerd process serving it (for CPU time and memory), null if not found. */
  pid: number | null;
  stop: () => Promise<void>;
}

/** Starts a Miniflare worker on a free loopback port and finds the workerd process it spawned. */
export async function startMiniflare(options: ConstructorParameters<typeof Miniflare>[0], cleanup = () => {}): Promise<MiniflareWorker> {
  const before = childrenNamed("workerd");
  // workerd logs every connection a hostile client drops; keep only the tail, for start-up failures.
  let tail = "";
  const keepTail = (out: Readable) => out.on("data", (d) => { tail = (tail + d).slice(-4000); });
  const mf = new Miniflare({ ...options, host: "127.0.0.1", port: 0, handleRuntimeStdio: (out: Readable, err: Readable) => { keepTail(out); keepTail(err); } });
  const url = await mf.ready.then((u) => u.origin, (e: Error) => { throw new Error(`${e.message}\n${tail}`); });
  const started = [...childrenNamed("workerd")].filter((p) => !before.has(p));
  return { url, pid: started.length === 1 ? started[0]! : null, stop: async () => { await mf.dispose(); cleanup(); } };
}

/** Serves `bundleMain` (index.js of `wrangler deploy --dry-run --outdir`) over a fresh KV seeded from `snapshotsDir`. */
export async function startBundledWorker(bundleMain: string, snapshotsDir: string): Promise<MiniflareWorker> {
  const state = mkdtempSync(join(tmpdir(), "kds-bundled-"));
  try {
    await seedLocalKv(snapshotsDir, state);
    return await startMiniflare({
      modules: true, scriptPath: bundleMain, modulesRoot: dirname(bundleMain), ...compatibilityOf(),
      kvNamespaces: { [KV_BINDING]: KV_NAMESPACE_ID }, kvPersist: `${state}/v3/kv`,
    }, () => rmSync(state, { recursive: true, force: true }));
  } catch (e) {
    rmSync(state, { recursive: true, force: true });
    throw e;
  }
}

// Vitest global setup of the "e2e" project: ONE worker for every end-to-end file, the production
// bundle (`wrangler deploy --dry-run`) in workerd through Miniflare over KV seeded from snapshots/.
// Files reach it with sharedWorker() (helpers/shared-worker.ts). Read-only: nothing may write its KV.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildProductionBundle } from "../../scripts/bench/bundle";
import { startBundledWorker } from "../../scripts/bench/bundled-worker";
import { SNAPSHOTS_DIR } from "./lib/snapshots";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the shared worker, e.g. http://127.0.0.1:41234 */
    workerUrl: string;
    /** index.js of the production bundle it runs. */
    workerBundle: string;
    /** Pid of its workerd process, -1 when not found. */
    workerPid: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const work = mkdtempSync(join(tmpdir(), "kds-e2e-"));
  const bundle = await buildProductionBundle(join(work, "bundle"));
  const worker = await startBundledWorker(bundle.main, SNAPSHOTS_DIR);
  project.provide("workerUrl", worker.url);
  project.provide("workerBundle", bundle.main);
  project.provide("workerPid", worker.pid ?? -1);
  return async () => {
    await worker.stop();
    rmSync(work, { recursive: true, force: true });
  };
}

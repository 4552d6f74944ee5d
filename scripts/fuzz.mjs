#!/usr/bin/env node
// npm run fuzz: the seeded property-based tests, many more cases than npm test, with fresh seeds.
// The route fuzz runs in batches of BATCH cases, each in a fresh workerd: under vitest-pool-workers
// every SELF.fetch costs more than the one before it in the same workerd (cloudflare/workers-sdk#15446),
// and around 1,800 requests in one workerd overflow its stack. FUZZ_RUNS (default 5000) and
// FUZZ_SEED (default: the clock) choose; every batch prints its seed, so a failure can be replayed
// with `FUZZ_RUNS=<batch> FUZZ_SEED=<seed> npx vitest run --project worker test/worker/fuzz-routes.test.ts`.
import { spawnSync } from "node:child_process";

const runs = Number(process.env.FUZZ_RUNS || 5000);
const seed = Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31);
const BATCH = 500;

function vitest(project, file, env) {
  const r = spawnSync("npx", ["vitest", "run", "--project", project, file], { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

for (let done = 0, batch = 0; done < runs; done += BATCH, batch++) {
  const n = Math.min(BATCH, runs - done);
  const status = vitest("worker", "test/worker/fuzz-routes.test.ts", { FUZZ_RUNS: String(n), FUZZ_SEED: String(seed + batch) });
  if (status !== 0) process.exit(status);
}
// The YAML reader's comparison with the library runs in Node, with no such limit: one run.
process.exit(vitest("node", "test/node/block-yaml.test.ts", { FUZZ_RUNS: String(runs * 4), FUZZ_SEED: String(seed) }));

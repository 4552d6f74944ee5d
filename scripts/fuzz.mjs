#!/usr/bin/env node
// npm run fuzz: the seeded property-based tests, many more cases than npm test, with a fresh seed.
// FUZZ_RUNS (default 5000) and FUZZ_SEED (default: the clock) choose; the seed is printed, so a
// failure can be replayed with `FUZZ_RUNS=<runs> FUZZ_SEED=<seed> npm run fuzz`. (The route fuzz
// calls the worker's fetch handler, test/worker/lib/fetch-worker.ts, not SELF.fetch, which slows
// with every request in one workerd and overflowed its stack at about 1,800: one run holds them all.)
import { spawnSync } from "node:child_process";

const runs = Number(process.env.FUZZ_RUNS || 5000);
const seed = Number(process.env.FUZZ_SEED || Date.now() % 2 ** 31);
console.log(`npm run fuzz: ${runs} cases, seed ${seed}`);

function vitest(project, files, env) {
  const r = spawnSync("npx", ["vitest", "run", "--project", project, ...files], { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
}

const routes = vitest("worker", ["test/worker/fuzz-routes.test.ts"], { FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) });
if (routes !== 0) process.exit(routes);
// The fast readers' comparisons with the library (block YAML, JSON) run in Node.
process.exit(vitest("node", ["test/node/block-yaml.test.ts", "test/node/json-document.test.ts"], { FUZZ_RUNS: String(runs * 4), FUZZ_SEED: String(seed) }));

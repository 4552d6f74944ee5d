import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// End-to-end files share ONE worker, started once by test/node/global-worker.ts (the production
// bundle in workerd over KV seeded from snapshots/). A new end-to-end file: list it here and call
// sharedWorker() from test/node/helpers/shared-worker.ts instead of starting a worker of its own.
export const E2E_FILES = [
  "test/node/e2e-*.test.ts",
  "test/node/bench-floor.test.ts",
  "test/node/capture-roundtrip.test.ts",
  "test/node/cli-server.test.ts",
  "test/node/deploy.test.ts",
];

// Worker files that write KV, fake the clock, or count the KV reads of a cold isolate: each gets a
// fresh workerd isolate and an empty KV namespace (vitest's default isolation). Every other worker
// file only reads the seeded snapshots, so those share one isolate and its KV
// (isolate: false, one vitest worker): one workerd start and one seeding instead of one per file.
export const WORKER_FRESH_FILES = [
  "test/worker/check-fields.test.ts",
  "test/worker/diff-routes.test.ts",
  "test/worker/kv-reads.test.ts",
  "test/worker/publish-caches.test.ts",
  "test/worker/publish-interrupted.test.ts",
  "test/worker/store-errors.test.ts",
  "test/worker/store-failures.test.ts",
];

// Node test files mock nothing and change no global state, so each vitest worker runs file after
// file in one process (isolate: false): no process start and no re-import of zod, yaml and the
// snapshots per file, and a snapshot loaded by one file is loaded for the next.
const node = { environment: "node", isolate: false, testTimeout: 60_000, hookTimeout: 120_000 } as const;

const workerd = () => cloudflareTest({
  main: "./src/worker/index.ts", wrangler: { configPath: "./wrangler.toml" },
  // `npm run fuzz` sets these for test/worker/fuzz-routes.test.ts (more cases, a fresh seed).
  miniflare: { bindings: { FUZZ_RUNS: process.env.FUZZ_RUNS ?? "", FUZZ_SEED: process.env.FUZZ_SEED ?? "" } },
});
// Generous limits: a test that walks every document of a release through the worker takes
// seconds when other work shares the machine; correctness, not speed, is asserted here.
const inWorkerd = { testTimeout: 30_000, hookTimeout: 60_000 } as const;

// Four projects: "worker" and "worker-fresh" run inside workerd with real KV (vitest-pool-workers);
// "node" runs the build, CLI and capture tests without starting any worker; "e2e" runs real kubectl,
// kds, Chromium and npm start against the shared worker. The root global setup builds the CLI once for all.
// Four files at a time, not vitest's default of cores - 1 (one file at a time on 2 cores): most
// end-to-end time is spent waiting on kubectl, kds, wrangler and Chromium subprocesses. Except the
// "worker" project: its files share ONE isolate (one workerd start, one seeding; with four, each
// vitest worker started its own: 21 s of CPU instead of 13), so it runs first, alone (groupOrder 0:
// a project with its own maxWorkers needs its own group), and the others after it.
// The files that take longest, each a chain of wrangler, Chromium or npm starts, start first, so
// that none is left running alone at the end. vitest orders by the last run's durations where it
// has them (node_modules/.vite), but by file size on a fresh clone, which put these last.
const START_FIRST = ["test/node/deploy.test.ts", "test/node/e2e-pages.test.ts", "test/node/e2e-npm-start.test.ts"];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = START_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? START_FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    globalSetup: ["test/node/global-build.ts"],
    maxWorkers: 4,
    sequence: { sequencer: LongestFirst },
    projects: [
      { plugins: [workerd()], test: { name: "worker", include: ["test/worker/**/*.test.ts"], exclude: WORKER_FRESH_FILES, isolate: false, maxWorkers: 1, sequence: { groupOrder: 0 }, ...inWorkerd } },
      { plugins: [workerd()], test: { name: "worker-fresh", include: WORKER_FRESH_FILES, sequence: { groupOrder: 1 }, ...inWorkerd } },
      { test: { name: "node", include: ["test/node/**/*.test.ts"], exclude: E2E_FILES, sequence: { groupOrder: 1 }, ...node } },
      { test: { name: "e2e", include: E2E_FILES, globalSetup: ["test/node/global-worker.ts"], sequence: { groupOrder: 1 }, ...node } },
    ],
  },
});

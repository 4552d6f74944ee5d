declare namespace Cloudflare {
  interface Env {
    SNAPSHOTS: KVNamespace;
    /** Set by `npm run fuzz` (vitest.config.ts); unset in npm test. */
    FUZZ_RUNS?: string;
    FUZZ_SEED?: string;
  }
  interface GlobalProps { mainModule: typeof import("../src/worker/index"); }
}

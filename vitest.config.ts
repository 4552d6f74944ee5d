import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Two projects: "worker" runs inside workerd with real KV (vitest-pool-workers);
// "node" runs the build, CLI, capture and end-to-end tests (real kubectl, wrangler dev, Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ main: "./src/worker/index.ts", wrangler: { configPath: "./wrangler.toml" } })],
        // Generous limits: a test that walks every document of a release through SELF.fetch takes
        // seconds when other work shares the machine; correctness, not speed, is asserted here.
        test: { name: "worker", include: ["test/worker/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
      },
      {
        test: { name: "node", include: ["test/node/**/*.test.ts"], globalSetup: ["test/node/global-build.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
});

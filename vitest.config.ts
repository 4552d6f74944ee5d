import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Two projects: "worker" runs inside workerd with real KV (vitest-pool-workers);
// "node" runs the build, CLI, capture and end-to-end tests (real kubectl, wrangler dev, Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ main: "./src/worker/index.ts", wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "worker", include: ["test/worker/**/*.test.ts"] },
      },
      {
        test: { name: "node", include: ["test/node/**/*.test.ts"], globalSetup: ["test/node/global-build.ts"], environment: "node", testTimeout: 60_000, hookTimeout: 120_000 },
      },
    ],
  },
});

// Vitest global setup for the Node tests: builds the CLI (npm run build) so tests that run the
// package's bin run the current source, not a stale dist/.
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";

export default function setup(): void {
  const repo = resolve(import.meta.dirname, "../..");
  execFileSync(process.execPath, [join(repo, "scripts/build-cli.mjs")], { cwd: repo, stdio: "inherit" });
}

// Real headless Chromium (Debian's package) loading a page and returning the DOM it ends with.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

export function dumpDom(url: string): Promise<string> {
  // A missing browser fails the test with a clear message instead of skipping it.
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  const profile = mkdtempSync(join(tmpdir(), "kds-chromium-"));
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-quic", "--no-first-run", `--user-data-dir=${profile}`, "--virtual-time-budget=15000", "--dump-dom", url];
  return new Promise((ok, fail) => execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 4 << 20 }, (err, stdout, stderr) => {
    rmSync(profile, { recursive: true, force: true });
    if (err) fail(new Error(`chromium failed: ${err.message}\n${stderr}`)); else ok(stdout);
  }));
}

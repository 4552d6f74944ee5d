// Real headless Chromium for the end-to-end tests, driven by playwright-core.
// The browser is a system Chromium where one is installed (or $CHROMIUM), otherwise the one
// shipped inside the npm package @sparticuz/chromium, so `npm install` is all a machine needs.
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import { chromium, type Browser } from "playwright-core";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Flags for root on a machine with a closed network: without the background-networking ones
// Chromium keeps trying to reach Google's hosts at start.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--disable-quic", "--no-first-run"];

/** Unpacks the npm package's brotli-compressed binary once per package version, atomically
 * (write to a private name, then rename) so concurrent test runs never start a half-written file. */
async function unpackedNpmChromium(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(dirname(dirname(require.resolve("@sparticuz/chromium"))));
  const { version } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { version: string };
  const dir = join(tmpdir(), `kds-chromium-${version}`);
  const exe = join(dir, "chromium");
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  const partial = `${exe}.${process.pid}.partial`;
  try {
    await pipeline(createReadStream(join(pkgDir, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
    renameSync(partial, exe);
  } finally {
    rmSync(partial, { force: true });
  }
  return exe;
}

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return unpackedNpmChromium();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: ARGS });
}

// The production bundle: exactly what `wrangler deploy` uploads, built with --dry-run (no account).
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

export const REPO = resolve(import.meta.dirname, "../..");
export const WRANGLER_ENV = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

export interface Bundle { dir: string; main: string; bytes: number; gzipBytes: number }

/** Runs `wrangler deploy --dry-run --outdir dir` and measures the uploaded modules (source maps excluded). */
export async function buildProductionBundle(dir: string): Promise<Bundle> {
  await promisify(execFile)(join(REPO, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", dir], { cwd: REPO, env: WRANGLER_ENV });
  const modules = readdirSync(dir).filter((f) => /\.(m?js|wasm)$/.test(f));
  const texts = modules.map((f) => readFileSync(join(dir, f)));
  return {
    dir,
    main: join(dir, "index.js"),
    bytes: texts.reduce((n, t) => n + t.byteLength, 0),
    gzipBytes: texts.reduce((n, t) => n + gzipSync(t).byteLength, 0),
  };
}

/** compatibility_date and compatibility_flags from wrangler.toml, so Miniflare runs the bundle as Workers would. */
export function compatibilityOf(toml = readFileSync(join(REPO, "wrangler.toml"), "utf8")): { compatibilityDate: string; compatibilityFlags: string[] } {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!date) throw new Error("wrangler.toml has no compatibility_date");
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? "";
  return { compatibilityDate: date, compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) };
}

// Runs `kds capture` in-process with captured output, a fixed clock and a chosen environment.
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { capture } from "../../../src/cli/capture";

export const CAPTURED_AT = new Date("2024-03-01T12:00:00.000Z");

export interface CaptureRun { code: number; stdout: string; stderr: string }

export async function runCapture(argv: string[], env: Record<string, string | undefined> = {}, isTTY = false): Promise<CaptureRun> {
  let stdout = "", stderr = "";
  const code = await capture(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t), isTTY },
    env,
    now: () => CAPTURED_AT,
  });
  return { code, stdout, stderr };
}

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `kds-capture-${label}-`));
}

/** Every file of a folder (relative path -> bytes), manifest.json excluded. */
/** A snapshot folder's discovery document files by path: the manifest and the build's field index (not a discovery document) left out. */
export function documentFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!["manifest.json", "fields.json"].includes(relative(dir, p))) out.set(relative(dir, p), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

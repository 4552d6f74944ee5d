// The kds command as users start it: the package's bin (built JavaScript), as a subprocess.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const REPO = resolve(import.meta.dirname, "../../..");
const PKG = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { bin: { kds: string } };
/** package.json's bin; test/node/global-build.ts builds it before the tests run. */
export const KDS = join(REPO, PKG.bin.kds);

export interface KdsRun { code: number; stdout: string; stderr: string }

/** Runs `bin` (default: this repository's kds) through its shebang, as npm's bin link and npx do. */
export function runKds(args: string[], opts: { cwd: string; stdin?: string; env?: Record<string, string | undefined>; bin?: string }): Promise<KdsRun> {
  return new Promise((done, fail) => {
    const child = spawn(opts.bin ?? KDS, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}

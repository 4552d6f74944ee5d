// `kds check` end to end as users run it: the package's bin as a subprocess, on bundled snapshots.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./bundle";
import { manifestYaml } from "./manifests";

export interface CliResult { name: string; objects: number; runs: number; medianMs: number; maxMs: number; exitCodes: number[] }

/** package.json's bin for kds, built first (`npm run build`) when the package has a build step and it is missing. */
export function kdsBin(): string {
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { bin: { kds: string }; scripts: Record<string, string> };
  const bin = join(REPO, pkg.bin.kds);
  if (!existsSync(bin) && pkg.scripts.build) execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "ignore" });
  return bin;
}

function timeRun(bin: string, args: string[]): Promise<{ ms: number; code: number }> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: tmpdir(), stdio: "ignore" });
    child.on("error", fail);
    child.on("close", (code) => done({ ms: performance.now() - start, code: code ?? -1 }));
  });
}

/** Times `kds check --target 1.29,1.33 -o json FILE` on files of each size, `runs` times each (median). */
export async function benchCli(sizes: { name: string; objects: number; runs: number }[]): Promise<CliResult[]> {
  const bin = kdsBin();
  const dir = mkdtempSync(join(tmpdir(), "kds-bench-cli-"));
  try {
    const results: CliResult[] = [];
    for (const s of sizes) {
      const file = join(dir, `${s.objects}.yaml`);
      writeFileSync(file, manifestYaml(s.objects));
      const runs = [];
      for (let i = 0; i < s.runs; i++) runs.push(await timeRun(bin, ["check", "--target", "1.29,1.33", "-o", "json", file]));
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
      results.push({ name: s.name, objects: s.objects, runs: s.runs, medianMs: Math.round(ms[Math.floor(ms.length / 2)]!), maxMs: Math.round(ms.at(-1)!), exitCodes: [...new Set(runs.map((r) => r.code))] });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

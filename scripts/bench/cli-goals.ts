// kds check against its goals, end to end as CI runs it (the built bin as a subprocess, bundled
// snapshots): a small file in ≤ 300 ms; 10,000 objects × 4 targets in ≤ 2 s and ≤ 300 MB peak RSS,
// as multi-document YAML and as the one JSON List `kubectl get -o json` prints.
// Wall time, CPU time and peak RSS per run; the median run is reported. Goals are reported, never asserted.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./bundle";
import { manifestJsonList, manifestYaml } from "./manifests";

export interface CliGoalResult {
  name: string; runs: number; targets: string;
  wallMs: number; cpuMs: number; peakRssMiB: number;
  goalMs: number; goalMiB: number | null; met: boolean; exitCodes: number[];
}

const PRELOAD = join(REPO, "scripts/bench/rusage-preload.mjs");

/** package.json's bin for kds, built first (`npm run build`) when the package has a build step and it is missing. */
function kdsBin(): string {
  const pkg = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { bin: { kds: string }; scripts: Record<string, string> };
  const bin = join(REPO, pkg.bin.kds);
  if (!existsSync(bin) && pkg.scripts.build) execFileSync("npm", ["run", "build", "--silent"], { cwd: REPO, stdio: "ignore" });
  return bin;
}

function run(bin: string, args: string[], usageFile: string): Promise<{ wallMs: number; cpuMs: number; peakRssMiB: number; code: number }> {
  const start = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", PRELOAD, bin, ...args], { cwd: tmpdir(), stdio: "ignore", env: { ...process.env, KDS_BENCH_RUSAGE: usageFile } });
    child.on("error", fail);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      const u = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKiB: number; cpuMs: number };
      done({ wallMs, cpuMs: u.cpuMs, peakRssMiB: u.maxRssKiB / 1024, code: code ?? -1 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCliGoals(quick: boolean): Promise<CliGoalResult[]> {
  const bin = kdsBin();
  const dir = mkdtempSync(join(tmpdir(), "kds-bench-cli-goals-"));
  try {
    const small = join(REPO, "test/fixtures/manifests/current-app.yaml");
    const big = join(dir, "10000.yaml");
    writeFileSync(big, manifestYaml(10_000));
    const bigJson = join(dir, "10000.json");
    writeFileSync(bigJson, manifestJsonList(10_000));
    const cases = [
      { name: "small file (3 objects), 1 target", targets: "1.29", file: small, runs: quick ? 3 : 9, goalMs: 300, goalMiB: null },
      { name: "10,000 objects, 4 targets", targets: "1.22,1.25,1.29,1.33", file: big, runs: quick ? 1 : 3, goalMs: 2000, goalMiB: 300 },
      { name: "10,000 objects as one JSON List, 4 targets", targets: "1.22,1.25,1.29,1.33", file: bigJson, runs: quick ? 1 : 3, goalMs: 2000, goalMiB: 300 },
    ];
    const results: CliGoalResult[] = [];
    for (const c of cases) {
      const runs = [];
      for (let i = 0; i < c.runs; i++) runs.push(await run(bin, ["check", "--target", c.targets, "-o", "json", c.file], join(dir, "usage.json")));
      const wallMs = Math.round(median(runs.map((r) => r.wallMs)));
      const peakRssMiB = Math.round(Math.max(...runs.map((r) => r.peakRssMiB)));
      results.push({
        name: c.name, runs: c.runs, targets: c.targets, wallMs, cpuMs: Math.round(median(runs.map((r) => r.cpuMs))), peakRssMiB,
        goalMs: c.goalMs, goalMiB: c.goalMiB, met: wallMs <= c.goalMs && (c.goalMiB === null || peakRssMiB <= c.goalMiB),
        exitCodes: [...new Set(runs.map((r) => r.code))],
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

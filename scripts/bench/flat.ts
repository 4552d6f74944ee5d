// Flat with +N snapshots: the bundle over the bundled snapshots and over the same plus N synthetic
// ones, both started fresh, measured alternately per scenario — base, +N, base, +N — keeping each
// one's best CPU per request (other work on a shared machine only ever adds to it). Measured one
// after the other, a burst of unrelated load could pass for a slowdown, or hide one.
import type { MiniflareWorker } from "./bundled-worker";
import { answeredOtherThan, load, type LoadResult, type Request } from "./load";
import { orNa, table } from "./report";

const ROUNDS = 2;

export interface FlatRow { scenario: string; expected: number; base: LoadResult[]; extra: LoadResult[] }

export async function measureFlat<S extends { name: string; expected: number }>(
  list: S[], base: MiniflareWorker, extra: MiniflareWorker, opts: { connections: number; seconds: number },
  requestFor: (url: string, s: S) => Promise<Request>,
): Promise<FlatRow[]> {
  const rows: FlatRow[] = [];
  for (const s of list) {
    const row: FlatRow = { scenario: s.name, expected: s.expected, base: [], extra: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [side, worker] of [["base", base], ["extra", extra]] as const) {
        row[side].push(await load(worker.url, await requestFor(worker.url, s), { ...opts, pid: worker.pid }));
      }
    }
    rows.push(row);
    process.stderr.write(`  ${s.name}: base ${best(row.base)} ms, +N ${best(row.extra)} ms CPU per request\n`);
  }
  return rows;
}

/** The lowest CPU per request of the runs, null when not measurable. */
function best(runs: LoadResult[]): number | null {
  const cpu = runs.map((r) => r.cpuMsPerRequest).filter((c): c is number => c !== null);
  return cpu.length ? Math.min(...cpu) : null;
}

const bestRate = (runs: LoadResult[]) => Math.max(...runs.map((r) => r.requestsPerSecond));

/** Flat: the best CPU per request with +N within 20% of the base's (req/s when CPU is not measurable). */
export function flatTable(rows: FlatRow[], count: number): string {
  return table(
    ["scenario", "base req/s", `+${count} req/s`, "base CPU ms/req", `+${count} CPU ms/req`, "flat (±20%)"],
    rows.map((r) => {
      const [c0, c1] = [best(r.base), best(r.extra)];
      const flat = c0 !== null && c1 !== null ? c1 <= 1.2 * c0 : bestRate(r.extra) >= 0.8 * bestRate(r.base);
      return [r.scenario, bestRate(r.base), bestRate(r.extra), orNa(c0, 3), orNa(c1, 3), flat ? "yes" : "NO"];
    }));
}

/** Runs whose answers were not the expected status, for the bench's wrong-answer list. */
export function wrongFlatAnswers(rows: FlatRow[]): string[] {
  return rows.flatMap((r) => [...r.base.map((run) => ["base", run] as const), ...r.extra.map((run) => ["+N", run] as const)]
    .filter(([, run]) => answeredOtherThan(run, r.expected))
    .map(([side, run]) => `${r.scenario}: ${side}: ${JSON.stringify(run.statuses)}`));
}

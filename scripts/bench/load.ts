// One bounded load run: fixed connections and duration, with the server process's CPU time.
import autocannon from "autocannon";
import { cpuMs } from "./proc";

export interface Request { method: string; path: string; headers: Record<string, string>; body?: string }
export interface LoadResult {
  requestsPerSecond: number; p50Ms: number; p99Ms: number; requests: number;
  /** Count per HTTP status, plus "error" for connection errors and timeouts. */
  statuses: Record<string, number>;
  /** CPU time of the server process divided by the requests it answered; null when not measurable. */
  cpuMsPerRequest: number | null;
}

export async function load(baseUrl: string, req: Request, opts: { connections: number; seconds: number; pid: number | null }): Promise<LoadResult> {
  // Warm the isolate (caches, JIT) before measuring, so every target starts from the same state.
  for (let i = 0; i < 20; i++) await (await fetch(baseUrl + req.path, { method: req.method, headers: req.headers, body: req.body })).arrayBuffer();
  const cpuBefore = opts.pid === null ? null : cpuMs(opts.pid);
  const r = await autocannon({ url: baseUrl + req.path, method: req.method, headers: req.headers, body: req.body, connections: opts.connections, duration: opts.seconds, timeout: 10 });
  const cpuAfter = opts.pid === null ? null : cpuMs(opts.pid);
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = count;
  if (r.errors + r.timeouts) statuses.error = r.errors + r.timeouts;
  const answered = r.requests.total;
  return {
    requestsPerSecond: Math.round(answered / opts.seconds),
    p50Ms: r.latency.p50, p99Ms: r.latency.p99, requests: answered, statuses,
    cpuMsPerRequest: cpuBefore === null || cpuAfter === null || !answered ? null : Number(((cpuAfter - cpuBefore) / answered).toFixed(3)),
  };
}

/** Whether some answer of a run had another status than `expected` (or none: a connection error). */
export const answeredOtherThan = (run: LoadResult, expected: number) => Object.keys(run.statuses).some((code) => code !== String(expected));

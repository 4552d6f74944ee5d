// Process figures from /proc (Linux): which workerd a Miniflare started, its CPU time and memory.
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ; `getconf CLK_TCK` is 100 on Linux x86-64 and arm64

function read(path: string): string | null {
  try { return readFileSync(path, "utf8"); } catch { return null; }
}

function statFields(pid: number): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  // Fields after the parenthesised command name: [0] is field 3 (state), [1] ppid, [11] utime, [12] stime.
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : null;
}

/** Pids of the live children of `parent` running `command` (as /proc/<pid>/comm names it). */
export function childrenNamed(command: string, parent = process.pid): Set<number> {
  const pids = new Set<number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || read(`/proc/${name}/comm`)?.trim() !== command) continue;
    if (Number(statFields(Number(name))?.[1]) === parent) pids.add(Number(name));
  }
  return pids;
}

/** User + system CPU time of a process in milliseconds, null once it is gone. */
export function cpuMs(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of a process in bytes, null once it is gone. */
export function rssBytes(pid: number): number | null {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(read(`/proc/${pid}/status`) ?? "")?.[1];
  return kb === undefined ? null : Number(kb) * 1024;
}

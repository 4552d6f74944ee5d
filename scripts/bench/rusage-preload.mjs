// Loaded with `node --import` into a timed kds process: on exit it writes the process's own peak
// RSS and CPU time to $KDS_BENCH_RUSAGE (what /usr/bin/time would say, without needing it).
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.KDS_BENCH_RUSAGE, JSON.stringify({ maxRssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});

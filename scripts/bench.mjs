#!/usr/bin/env node
// npm run bench: load the worker (wrangler dev, local KV seeded from snapshots/) on loopback
// and report throughput and latency per scenario, against the goals below. Bounded: each
// scenario runs DURATION seconds with CONNECTIONS connections, then everything is stopped.
// wrangler dev is a development server (Node proxy + workerd); figures are for comparing
// changes on this machine, not production Workers numbers.
import autocannon from "autocannon";
import { tsImport } from "tsx/esm/api";

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
// Goals: p99 latency per scenario on wrangler dev on a 2-core machine.
const GOAL_P99_MS = 100;

const { startWorker } = await tsImport("../test/node/helpers/start-worker.ts", import.meta.url);
const worker = await startWorker();
const etag = (await fetch(`${worker.url}/k8s/1.29/apis/apps/v1`)).headers.get("etag");

const scenarios = [
  { name: "legacy group-version document", path: "/k8s/1.29/apis/apps/v1", headers: { accept: "application/json, */*" } },
  { name: "aggregated v2 /apis (kubectl 1.30+)", path: "/k8s/1.33/apis", headers: { accept: `${V2},application/json` } },
  { name: "304 revalidation (If-None-Match)", path: "/k8s/1.29/apis/apps/v1", headers: { "if-none-match": etag } },
  { name: "alias latest /api/v1", path: "/k8s/latest/api/v1", headers: {} },
  { name: "snapshot index /v1/versions", path: "/v1/versions", headers: {} },
];

const rows = [];
try {
  for (const s of scenarios) {
    const r = await autocannon({ url: worker.url + s.path, headers: s.headers, connections: CONNECTIONS, duration: DURATION });
    rows.push({ scenario: s.name, "req/s": Math.round(r.requests.average), "p50 ms": r.latency.p50, "p99 ms": r.latency.p99, "max ms": r.latency.max,
      non2xx: r.non2xx - (s.headers["if-none-match"] ? r.statusCodeStats?.["304"]?.count ?? 0 : 0), errors: r.errors, goal: r.latency.p99 <= GOAL_P99_MS ? "met" : "MISSED" });
  }
} finally {
  await worker.stop();
}
console.log(`kds bench: ${CONNECTIONS} connections, ${DURATION}s per scenario, wrangler dev on 127.0.0.1; goal p99 <= ${GOAL_P99_MS} ms`);
console.table(rows);
process.exitCode = rows.every((r) => r.goal === "met" && r.non2xx === 0 && r.errors === 0) ? 0 : 1;

// npm run bench: the production bundle in workerd (Miniflare) beside a floor worker returning the
// same bytes from constants, and nginx serving them as files; same bounded load for each. See
// BENCHMARKS.md for how to read the output. Goals are reported, never asserted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { benchCliGoals, type CliGoalResult } from "./cli-goals";
import { buildProductionBundle, REPO } from "./bundle";
import { flatTable, measureFlat, wrongFlatAnswers, type FlatRow } from "./flat";
import { benchCheckBound, boundTable, type BoundRow } from "./check-bound";
import { startBundledWorker, type MiniflareWorker } from "./bundled-worker";
import { record, startFloorWorker, type Recorded } from "./floor-worker";
import { runHostile, type HostileResult } from "./hostile";
import { answeredOtherThan, load, type LoadResult, type Request } from "./load";
import { manifestYaml } from "./manifests";
import { ensureNginx, startNginx, type RunningNginx } from "./nginx";
import { rssBytes } from "./proc";
import { benchColdRender, type RenderResult } from "./render";
import { kib, orNa, ratio, table } from "./report";
import { withSyntheticSnapshots } from "./synthetic";

const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const LEGACY = "application/json, */*";
const GZIP_GOAL = 150 * 1024;
const SNAPSHOTS = join(REPO, "snapshots");

interface Scenario { name: string; request: Request; expected: number; goal: number; revalidate?: boolean; /** Also measure the parse-and-serialize bound (check-bound.ts) for this many objects. */ boundObjects?: number }

function scenarios(): Scenario[] {
  return [
    { name: "legacy document /k8s/1.29/apis/apps/v1", request: { method: "GET", path: "/k8s/1.29/apis/apps/v1", headers: { accept: LEGACY } }, expected: 200, goal: 0.9 },
    { name: "aggregated v2 /k8s/1.33/apis", request: { method: "GET", path: "/k8s/1.33/apis", headers: { accept: V2 } }, expected: 200, goal: 0.9 },
    { name: "304 revalidation (If-None-Match)", request: { method: "GET", path: "/k8s/1.29/apis/apps/v1", headers: { accept: LEGACY } }, expected: 304, goal: 0.9, revalidate: true },
    { name: "diff /v1/diff?from=1.28&to=1.29", request: { method: "GET", path: "/v1/diff?from=1.28&to=1.29", headers: { accept: "application/json" } }, expected: 200, goal: 0.5 },
    // The largest page: every resource of every release, rendered from the cached matrix.
    { name: "page /ui/matrix?view=resources (all releases)", request: { method: "GET", path: "/ui/matrix?view=resources", headers: { accept: "text/html" } }, expected: 200, goal: 0.5 },
    { name: "check 50 objects x 2 targets", request: { method: "POST", path: "/v1/check?target=1.29,1.33", headers: { accept: "application/json", "content-type": "application/yaml" }, body: manifestYaml(50) }, expected: 200, goal: 0.5, boundObjects: 50 },
    // The same check without field checks: the field walk's cost is the difference (goal: within 2x).
    { name: "check 50 objects x 2 targets, fields=false", request: { method: "POST", path: "/v1/check?target=1.29,1.33&fields=false", headers: { accept: "application/json", "content-type": "application/yaml" }, body: manifestYaml(50) }, expected: 200, goal: 0.5 },
  ];
}

/** The largest page, when the worker serves pages (/ui/matrix). */
async function pageScenario(base: string): Promise<Scenario | null> {
  const res = await fetch(`${base}/ui/matrix`, { headers: { accept: "text/html" } });
  await res.arrayBuffer();
  if (res.status !== 200 || !res.headers.get("content-type")?.startsWith("text/html")) return null;
  return { name: "page /ui/matrix", request: { method: "GET", path: "/ui/matrix", headers: { accept: "text/html" } }, expected: 200, goal: 0.5 };
}

type Target = "ours" | "floor" | "nginx";
interface ScenarioResult { scenario: string; goal: number; expected: number; runs: Partial<Record<Target, LoadResult>> }

async function withEtag(base: string, s: Scenario, path = s.request.path): Promise<Request> {
  if (!s.revalidate) return { ...s.request, path };
  const res = await fetch(base + path, { headers: s.request.headers });
  await res.arrayBuffer();
  const etag = res.headers.get("etag");
  if (!etag) throw new Error(`${base}${path} sent no ETag`);
  return { ...s.request, path, headers: { ...s.request.headers, "if-none-match": etag } };
}

async function measure(list: Scenario[], targets: { name: Target; url: string; pid: number | null; pathOf?: (i: number) => string }[], recordedIndex: Map<Scenario, number>, opts: { connections: number; seconds: number }): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const s of list) {
    const row: ScenarioResult = { scenario: s.name, goal: s.goal, expected: s.expected, runs: {} };
    // Targets back to back per scenario, so a change in machine load hits all of them alike.
    for (const t of targets) {
      const path = t.pathOf ? t.pathOf(recordedIndex.get(s)!) : s.request.path;
      row.runs[t.name] = await load(t.url, await withEtag(t.url, s, path), { ...opts, pid: t.pid });
    }
    results.push(row);
    process.stderr.write(`  ${s.name}: ${Object.entries(row.runs).map(([t, r]) => `${t} ${r.requestsPerSecond}/s`).join(", ")}\n`);
  }
  return results;
}

const wrongAnswers = (r: ScenarioResult) => Object.entries(r.runs).filter(([, run]) => answeredOtherThan(run, r.expected)).map(([t, run]) => `${t}: ${JSON.stringify(run.statuses)}`);

/** floor CPU per request / ours: the same comparison as req/s, insensitive to other load on the machine. */
const cpuRatio = (ours?: LoadResult, floor?: LoadResult) => (ours?.cpuMsPerRequest && floor?.cpuMsPerRequest ? ratio(floor.cpuMsPerRequest, ours.cpuMsPerRequest) : "n/a");

function loadTable(results: ScenarioResult[]): string {
  const pl = (r?: LoadResult) => (r ? `${r.p50Ms} / ${r.p99Ms}` : "n/a");
  return table(
    ["scenario", "ours req/s", "floor req/s", "nginx req/s", "ours/floor", "goal", "ours p50/p99 ms", "floor p50/p99 ms", "nginx p50/p99 ms", "CPU ms/req ours", "floor", "floor/ours CPU"],
    results.map(({ scenario, goal, runs: { ours, floor, nginx } }) => {
      const q = ours && floor ? ours.requestsPerSecond / floor.requestsPerSecond : 0;
      return [scenario, ours?.requestsPerSecond ?? "n/a", floor?.requestsPerSecond ?? "n/a", nginx?.requestsPerSecond ?? "n/a", ratio(ours?.requestsPerSecond ?? 0, floor?.requestsPerSecond ?? 0),
        `≥ ${goal} ${q >= goal ? "met" : "MISSED"}`, pl(ours), pl(floor), pl(nginx), orNa(ours?.cpuMsPerRequest, 3), orNa(floor?.cpuMsPerRequest, 3), cpuRatio(ours, floor)];
    }));
}

const hostileTable = (rows: HostileResult[]) => table(["hostile input", "status", "answered by", "expected", "ms", "goal (≤ 1 s, right status)"],
  rows.map((h) => [h.name, h.status, h.by, h.expected.join("/"), h.ms, h.met ? "met" : "MISSED"]));

const renderTable = (rows: RenderResult[]) => table(["cold render (page cache missed), all releases", "renders", "KiB", "CPU ms/render", "median ms"],
  rows.map((r) => [r.page, r.renders, (r.bytes / 1024).toFixed(0), orNa(r.cpuMsPerRender, 2), r.wallMsMedian]));

const cliGoalTable = (rows: CliGoalResult[]) => table(["kds check goals (built bin, -o json)", "targets", "runs", "median wall ms", "median CPU ms", "peak RSS MiB", "goal", ""],
  rows.map((c) => [c.name, c.targets, c.runs, c.wallMs, c.cpuMs, c.peakRssMiB, `≤ ${c.goalMs} ms${c.goalMiB === null ? "" : `, ≤ ${c.goalMiB} MiB`}`, c.met ? "met" : "MISSED"]));

export async function runBench(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    quick: { type: "boolean", default: false },
    "extra-snapshots": { type: "string" },
    seconds: { type: "string" }, connections: { type: "string" },
    json: { type: "string", default: join(REPO, "dist/bench/results.json") },
  } });
  const quick = values.quick!;
  const opts = { seconds: Number(values.seconds ?? (quick ? 1 : 4)), connections: Number(values.connections ?? 10) };
  const extraCount = Number(values["extra-snapshots"] ?? (quick ? 5 : 50));
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "kds-bench-"));
  const running: { stop: () => Promise<void> }[] = [];
  const stopAll = async () => { for (const r of running.splice(0).reverse()) await r.stop().catch(() => {}); };
  try {
    process.stderr.write("building the production bundle (wrangler deploy --dry-run)…\n");
    const bundle = await buildProductionBundle(join(work, "bundle"));
    process.stderr.write("starting the bundle in workerd (Miniflare), seeding KV from snapshots/…\n");
    const ours = await startBundledWorker(bundle.main, SNAPSHOTS);
    running.push(ours);
    const list = scenarios();
    const page = await pageScenario(ours.url);
    if (page) list.push(page);
    const recorded: Recorded[] = [];
    const recordedIndex = new Map<Scenario, number>();
    for (const s of list) {
      const r = await record(ours.url, s.request.method, s.request.path, s.request.headers.accept ?? "", s.request.body);
      if (r.status !== 200) throw new Error(`${s.request.method} ${s.request.path} answered ${r.status}: ${r.body.slice(0, 300)}`);
      recordedIndex.set(s, recorded.push(r) - 1);
    }
    const floor = await startFloorWorker(recorded);
    running.push(floor);
    const nginxProblem = ensureNginx();
    let nginx: RunningNginx | null = null;
    if (nginxProblem) process.stderr.write(`nginx skipped: ${nginxProblem}\n`);
    else { nginx = await startNginx(recorded); running.push(nginx); }

    const targets = [{ name: "floor" as const, ...floor }, { name: "ours" as const, ...ours }, ...(nginx ? [{ name: "nginx" as const, ...nginx }] : [])];
    process.stderr.write(`load: ${opts.connections} connections, ${opts.seconds} s per scenario and target\n`);
    const base = await measure(list, targets, recordedIndex, opts);
    const boundOf = list.find((s) => s.boundObjects);
    let bound: BoundRow[] | null = null;
    if (boundOf) {
      process.stderr.write("the check's parse-and-serialize bound…\n");
      bound = await benchCheckBound(boundOf.request, boundOf.boundObjects!, recorded[recordedIndex.get(boundOf)!]!, ours, floor, opts);
    }

    process.stderr.write("cold renders of the full matrix…\n");
    const renders = await benchColdRender(ours.url, ours.pid, ["/ui/matrix", "/ui/matrix?view=resources"], quick ? 10 : 40);
    process.stderr.write("hostile inputs…\n");
    const rssBefore = ours.pid === null ? null : rssBytes(ours.pid);
    const hostile = await runHostile(ours.url);
    await new Promise((r) => setTimeout(r, 2000));
    const rssAfter = ours.pid === null ? null : rssBytes(ours.pid);
    await ours.stop();
    running.splice(running.indexOf(ours), 1);

    let extra: FlatRow[] | null = null;
    if (extraCount > 0) {
      process.stderr.write(`${extraCount} extra synthetic snapshots in KV: base and +${extraCount} alternately…\n`);
      const dir = withSyntheticSnapshots(SNAPSHOTS, "1.33", extraCount);
      const fresh: MiniflareWorker = await startBundledWorker(bundle.main, SNAPSHOTS);
      running.push(fresh);
      const oursExtra: MiniflareWorker = await startBundledWorker(bundle.main, dir);
      running.push(oursExtra);
      extra = await measureFlat(list, fresh, oursExtra, opts, (url, s) => withEtag(url, s));
      for (const w of [oursExtra, fresh]) { await w.stop(); running.splice(running.indexOf(w), 1); }
      rmSync(dirname(dir), { recursive: true, force: true });
    }
    await stopAll();

    process.stderr.write("kds check as a subprocess…\n");
    const cliGoals = await benchCliGoals(quick);

    const wrong = [...base.flatMap((r) => wrongAnswers(r).map((w) => `${r.scenario}: ${w}`)), ...wrongFlatAnswers(extra ?? [])];
    const memoryMet = rssBefore !== null && rssAfter !== null && rssAfter <= rssBefore * 1.2;
    const out = [
      `kds bench: ${opts.connections} connections, ${opts.seconds} s per scenario and target, autocannon on 127.0.0.1; ${new Date().toISOString()}`,
      "", loadTable(base), "",
      ...(bound && boundOf ? [boundTable(boundOf.name, bound), ""] : []),
      `Bundle (wrangler deploy --dry-run): ${kib(bundle.bytes)} raw, ${kib(bundle.gzipBytes)} gzipped; goal ≤ ${kib(GZIP_GOAL)} gzipped: ${bundle.gzipBytes <= GZIP_GOAL ? "met" : "MISSED"}`,
      "", renderTable(renders), "", hostileTable(hostile), "",
      `Worker memory (workerd RSS): ${orNa(rssBefore && rssBefore / 2 ** 20, 1)} MiB before the hostile inputs, ${orNa(rssAfter && rssAfter / 2 ** 20, 1)} MiB 2 s after; goal within 20%: ${memoryMet ? "met" : "MISSED"}`,
      ...(extra ? ["", flatTable(extra, extraCount)] : []),
      "", cliGoalTable(cliGoals), "",
      wrong.length ? `WRONG ANSWERS under load:\n  ${wrong.join("\n  ")}` : "Every answer under load had the expected status.",
      `Total time ${Math.round((performance.now() - started) / 1000)} s.`,
    ].join("\n");
    console.log(out);
    mkdirSync(dirname(values.json!), { recursive: true });
    writeFileSync(values.json!, JSON.stringify({
      date: new Date().toISOString(), options: { ...opts, quick, extraSnapshots: extraCount },
      bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes }, scenarios: base, checkBound: bound, renders, extraSnapshots: extra,
      hostile, memory: { rssBefore, rssAfter }, cliGoals, nginx: nginxProblem ?? "ran", wrongAnswers: wrong,
    }, null, 2) + "\n");
    console.log(`Results: ${values.json}`);
    return wrong.length ? 1 : 0;
  } finally {
    await stopAll();
    rmSync(work, { recursive: true, force: true });
  }
}

// How close any check could come to the floor: a worker in the same runtime that does only the two
// steps no check can skip, in their cheapest form — parse the request (the same manifests as compact
// JSON, which JSON.parse reads far faster than any YAML reader) and serialize the answer (the
// recorded one, pretty-printed as ours is) — and checks nothing. Ours, this bound and the floor run
// back to back under the same load; the table shows whether the check's goal is within reach at all.
import type { MiniflareWorker } from "./bundled-worker";
import { startMiniflare } from "./bundled-worker";
import { compatibilityOf } from "./bundle";
import type { Recorded } from "./floor-worker";
import { load, type LoadResult, type Request } from "./load";
import { manifestJsonList } from "./manifests";
import { orNa, ratio, table } from "./report";

const BOUND_SCRIPT = `
export default {
  async fetch(request) {
    const input = JSON.parse(await request.text());
    if (!Array.isArray(input.items)) return new Response("not a List\\n", { status: 400 });
    return new Response(JSON.stringify(ANSWER, null, 2) + "\\n", { status: STATUS, headers: HEADERS });
  },
};`;

export function startBoundWorker(recorded: Recorded): Promise<MiniflareWorker> {
  const constants = `const ANSWER = ${recorded.body.trim()};\nconst STATUS = ${recorded.status};\nconst HEADERS = ${JSON.stringify(recorded.headers)};\n`;
  return startMiniflare({ modules: true, script: constants + BOUND_SCRIPT, ...compatibilityOf() });
}

export interface BoundRow { name: string; run: LoadResult }

/** Floor, the parse-and-serialize bound and ours for one check request of `objects` manifests. */
export async function benchCheckBound(request: Request, objects: number, recorded: Recorded, ours: MiniflareWorker, floor: MiniflareWorker, opts: { connections: number; seconds: number }): Promise<BoundRow[]> {
  const bound = await startBoundWorker(recorded);
  try {
    const json = { ...request, headers: { ...request.headers, "content-type": "application/json" }, body: manifestJsonList(objects, 0) };
    const rows: BoundRow[] = [];
    for (const [name, worker, req] of [["floor (constant answer)", floor, request], ["bound: JSON.parse the body, stringify the answer", bound, json], ["ours", ours, request]] as const) {
      rows.push({ name, run: await load(worker.url, req, { ...opts, pid: worker.pid }) });
    }
    return rows;
  } finally {
    await bound.stop();
  }
}

export const boundTable = (scenario: string, rows: BoundRow[]) => {
  const floor = rows[0]!.run;
  return table([`${scenario}: how close can a check come?`, "req/s", "of the floor's req/s", "CPU ms/req", "floor/this CPU"],
    rows.map(({ name, run }) => [name, run.requestsPerSecond, ratio(run.requestsPerSecond, floor.requestsPerSecond), orNa(run.cpuMsPerRequest, 3),
      run.cpuMsPerRequest && floor.cpuMsPerRequest ? ratio(floor.cpuMsPerRequest, run.cpuMsPerRequest) : "n/a"]));
};

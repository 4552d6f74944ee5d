// The floor: a worker that answers each benchmarked request with the bytes the real worker gave,
// held in constants, under the same runtime. Ours/floor is the cost of our code alone.
import type { MiniflareWorker } from "./bundled-worker";
import { startMiniflare } from "./bundled-worker";
import { compatibilityOf } from "./bundle";

/** One recorded answer, keyed by method, path with query and Accept. */
export interface Recorded { method: string; path: string; accept: string; status: number; headers: Record<string, string>; body: string }

export const requestKey = (method: string, path: string, accept: string) => `${method} ${path} ${accept}`;

// The script reads (and drops) request bodies, as the real worker must, and answers If-None-Match
// with 304 exactly when the recorded ETag matches.
const FLOOR_SCRIPT = `
const KEY = ${requestKey.toString()};
const encoder = new TextEncoder();
const answers = new Map(RECORDED.map((r) => [KEY(r.method, r.path, r.accept), { ...r, bytes: encoder.encode(r.body) }]));
export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (request.body) await request.arrayBuffer();
    const r = answers.get(KEY(request.method, url.pathname + url.search, request.headers.get("accept") ?? ""));
    if (!r) return new Response("not recorded\\n", { status: 404 });
    if (r.headers.etag && request.headers.get("if-none-match") === r.headers.etag) return new Response(null, { status: 304, headers: r.headers });
    return new Response(r.bytes, { status: r.status, headers: r.headers });
  },
};`;

export function floorScript(recorded: Recorded[]): string {
  return `const RECORDED = ${JSON.stringify(recorded)};\n${FLOOR_SCRIPT}`;
}

export function startFloorWorker(recorded: Recorded[]): Promise<MiniflareWorker> {
  return startMiniflare({ modules: true, script: floorScript(recorded), ...compatibilityOf() });
}

/** Headers the runtime writes for each response itself: replayed, they would change what the floor sends. */
const PER_RESPONSE = new Set(["content-length", "date", "transfer-encoding", "connection", "keep-alive"]);

/**
 * Asks `baseUrl` for a request and records the answer for the floor (and nginx). It asks for the
 * uncompressed answer, as the load tool does (autocannon sends no Accept-Encoding): a recorded
 * `Content-Encoding: gzip` would make workerd compress every floor answer, which ours does not pay.
 */
export async function record(baseUrl: string, method: string, path: string, accept: string, body?: string): Promise<Recorded> {
  const res = await fetch(baseUrl + path, { method, headers: { ...(accept ? { accept } : {}), "accept-encoding": "identity" }, body });
  if (res.headers.has("content-encoding")) throw new Error(`${method} ${path} answered Content-Encoding ${res.headers.get("content-encoding")} to Accept-Encoding: identity`);
  const headers: Record<string, string> = {};
  for (const [k, v] of res.headers) if (!PER_RESPONSE.has(k)) headers[k] = v;
  return { method, path, accept, status: res.status, headers, body: await res.text() };
}

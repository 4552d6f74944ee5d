// Cold server-side render of the largest pages: each request carries a distinct (ignored) query
// parameter, so it misses the page cache and renders the whole document; workerd's CPU time over
// the requests, per request, is the render's cost (plus the small fixed cost of any request).
import { cpuMs } from "./proc";

export interface RenderResult { page: string; renders: number; bytes: number; cpuMsPerRender: number | null; wallMsMedian: number }

export async function benchColdRender(baseUrl: string, pid: number | null, pages: string[], renders: number): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  for (const page of pages) {
    const sep = page.includes("?") ? "&" : "?";
    await (await fetch(`${baseUrl}${page}${sep}bench=warm`)).arrayBuffer();
    const walls: number[] = [];
    let bytes = 0;
    const before = pid === null ? null : cpuMs(pid);
    for (let i = 0; i < renders; i++) {
      const t = performance.now();
      const res = await fetch(`${baseUrl}${page}${sep}bench=${i}`);
      bytes = (await res.arrayBuffer()).byteLength;
      if (res.headers.get("x-kds-page-cache") !== "miss") throw new Error(`${page} was not rendered afresh`);
      walls.push(performance.now() - t);
    }
    const after = pid === null ? null : cpuMs(pid);
    walls.sort((a, b) => a - b);
    results.push({ page, renders, bytes, cpuMsPerRender: before === null || after === null ? null : Number(((after - before) / renders).toFixed(2)), wallMsMedian: Number(walls[walls.length >> 1]!.toFixed(1)) });
  }
  return results;
}

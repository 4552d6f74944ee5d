// A docs page on another origin reads discovery documents from the worker in real Chromium:
// CORS lets it read bodies, headers, 304s and Status errors, aggregated discovery included.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "./helpers/chromium";
import { sharedWorker } from "./helpers/shared-worker";

const worker = sharedWorker();
let browser: Browser;
let page: Server;
let pageUrl = "";

const script = (api: string) => `
const V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const out = {};
(async () => {
  try {
    const plain = await fetch("${api}/k8s/1.29/apis");
    const body = await plain.json();
    out.plain = { status: plain.status, contentType: plain.headers.get("content-type"), snapshot: plain.headers.get("x-snapshot-id"), firstGroup: body.groups[0].name };
    const etag = plain.headers.get("etag");
    const again = await fetch("${api}/k8s/1.29/apis", { headers: { "if-none-match": etag } });
    out.revalidated = again.status;
    const agg = await fetch("${api}/k8s/1.33/apis", { headers: { accept: V2 } });
    out.aggregated = { status: agg.status, contentType: agg.headers.get("content-type"), kind: (await agg.json()).kind };
    const head = await fetch("${api}/k8s/latest/api/v1", { method: "HEAD" });
    out.head = head.status;
    const missing = await fetch("${api}/k8s/1.99/apis");
    out.missing = { status: missing.status, reason: (await missing.json()).reason };
  } catch (e) { out.error = String(e); }
  document.getElementById("out").textContent = JSON.stringify(out);
})();`;

beforeAll(async () => {
  browser = await launchChromium();
  page = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>docs</title><pre id="out">pending</pre><script>${script(worker.url)}</script>`);
  });
  await new Promise<void>((ok) => page.listen(0, "127.0.0.1", ok));
  pageUrl = `http://127.0.0.1:${(page.address() as { port: number }).port}/`;
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => page?.close(ok));
});

it("lets a page on another origin read documents, headers, 304s, HEAD and Status errors", async () => {
  const tab = await browser.newPage();
  await tab.goto(pageUrl);
  await tab.waitForFunction('document.getElementById("out").textContent !== "pending"');
  const out = JSON.parse((await tab.textContent("#out")) ?? "");
  expect(out).toEqual({
    plain: { status: 200, contentType: "application/json", snapshot: "1.29", firstGroup: "apiregistration.k8s.io" },
    revalidated: 304,
    aggregated: { status: 200, contentType: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList", kind: "APIGroupDiscoveryList" },
    head: 200,
    missing: { status: 404, reason: "NotFound" },
  });
});

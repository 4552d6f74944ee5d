// The pages, embeds and badges in real headless Chromium against the worker (the shared production bundle):
// they load cleanly, show the right facts, can (or cannot) be framed, escape hostile input,
// pass an axe-core scan, and leave screenshots in test-results/screenshots for a person to look at.
import { mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./helpers/chromium";
import { sharedWorker } from "./helpers/shared-worker";

const SHOTS = resolve(import.meta.dirname, "../../test-results/screenshots");
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const PAGES = ["/", "/ui/matrix", "/ui/matrix?view=resources&groups=policy&from=1.21&to=1.26", "/ui/versions/1.29", "/ui/versions/1.37", "/ui/diff?from=1.24&to=1.25", "/ui/diff?from=1.36&to=1.37",
  "/ui/kinds/Ingress", "/ui/kinds/HorizontalPodAutoscaler", "/ui/check"];
const EMBEDS = ["/embed/matrix?groups=policy,autoscaling&from=1.20&to=1.27", "/embed/kinds/Ingress?theme=dark", "/embed/diff?from=1.21&to=1.22&theme=light"];

const worker = sharedWorker();
let browser: Browser;
let docs: Server;
let docsUrl = "";

beforeAll(async () => {
  browser = await launchChromium();
  // A docs site on another origin that frames an embed and a page, and shows a badge.
  docs = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>docs</title>
      <iframe name="embed" src="${worker.url}/embed/kinds/Ingress" width="800" height="400"></iframe>
      <iframe name="page" src="${worker.url}/ui/matrix" width="800" height="400"></iframe>
      <img id="badge" src="${worker.url}/badge/policy/v1beta1/PodDisruptionBudget.svg" alt="badge">`);
  });
  await new Promise<void>((ok) => docs.listen(0, "127.0.0.1", ok));
  docsUrl = `http://127.0.0.1:${(docs.address() as { port: number }).port}/`;
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => docs?.close(ok));
});

/** Opens a URL of the worker, recording console errors, page errors and failed or >= 400 requests. */
async function visit(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[]; status: number }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
  const response = await page.goto(worker.url + path);
  return { page, problems, status: response?.status() ?? 0 };
}

const cellText = (page: Page, row: string, release: string) =>
  page.locator(`tr[data-row="${row}"] td[data-release="${release}"] .sr`).textContent();

describe("every page and embed", () => {
  for (const path of [...PAGES, ...EMBEDS]) {
    it(`${path} loads with no console error and no failed request`, async () => {
      const context = await browser.newContext();
      const { page, problems, status } = await visit(context, path);
      expect(status).toBe(200);
      expect(await page.title()).not.toBe("");
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  for (const path of [...PAGES, ...EMBEDS]) {
    it(`${path} has no serious or critical accessibility violation (axe-core), in light and dark`, async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        // The pages forbid scripts by CSP; the scan injects axe-core past it.
        const context = await browser.newContext({ bypassCSP: true, colorScheme });
        const page = await context.newPage();
        await page.goto(worker.url + path);
        await page.addScriptTag({ content: AXE });
        const scan = await page.evaluate(`axe.run(document).then((r) => ({ passes: r.passes.length, violations: r.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")) }))`) as { passes: number; violations: string[] };
        expect(scan.passes).toBeGreaterThan(5);
        expect({ colorScheme, violations: scan.violations }).toEqual({ colorScheme, violations: [] });
        await context.close();
      }
    });
  }
});

describe("the matrix", () => {
  it("shows policy/v1beta1 PodDisruptionBudget served (deprecated) in 1.24 and not served in 1.25, in words", async () => {
    const context = await browser.newContext();
    const { page } = await visit(context, "/ui/matrix?view=resources&groups=policy");
    expect(await cellText(page, "policy/v1beta1 PodDisruptionBudget", "1.24")).toBe("deprecated");
    expect(await cellText(page, "policy/v1beta1 PodDisruptionBudget", "1.25")).toBe("not served");
    expect(await cellText(page, "policy/v1 PodDisruptionBudget", "1.25")).toBe("served");
    await context.close();
  });

  it("shows flowcontrol.apiserver.k8s.io/v1 first served in 1.29", async () => {
    const context = await browser.newContext();
    const { page } = await visit(context, "/ui/matrix");
    const row = "flowcontrol.apiserver.k8s.io/v1";
    expect(await cellText(page, row, "1.28")).toBe("not served");
    expect(await cellText(page, row, "1.29")).toBe("served");
    expect(await cellText(page, row, "1.30")).toBe("served");
    await context.close();
  });

  it("keeps the release headers in view when scrolled", async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    const { page } = await visit(context, "/ui/matrix?view=resources");
    expect(await page.evaluate(`(() => { const el = document.querySelector(".scroll"); el.scrollTop = 3000; el.scrollLeft = 400; return el.scrollTop; })()`)).toBe(3000);
    const region = (await page.locator(".scroll").boundingBox())!;
    const header = (await page.locator("thead th").nth(5).boundingBox())!;
    const rowHeader = (await page.locator("tbody th").nth(150).boundingBox())!;
    const firstRow = (await page.locator("tbody th").first().boundingBox())!;
    expect(firstRow.y).toBeLessThan(region.y - 1000);
    expect(Math.abs(header.y - region.y)).toBeLessThan(3);
    expect(Math.abs(rowHeader.x - region.x)).toBeLessThan(3);
    await context.close();
  });
});

it("finds Ingress by its short name ing from the home page's search box", async () => {
  const context = await browser.newContext();
  const { page } = await visit(context, "/");
  await page.fill("input[name=q]", "ing");
  await Promise.all([page.waitForURL("**/ui/kinds/Ingress"), page.click("form[role=search] button")]);
  expect(await page.textContent("h1")).toBe("Ingress");
  const rows = await page.locator("tbody th[scope=row]").allTextContents();
  expect(rows).toEqual(expect.arrayContaining(["extensions/v1beta1", "networking.k8s.io/v1"]));
  await context.close();
});

it("renders an embed and a badge inside a page on another origin, and a normal page refuses to be framed", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(docsUrl, { waitUntil: "load" });
  const embed = page.frame({ name: "embed" })!;
  expect(await embed.locator("table.matrix").count()).toBe(1);
  expect(await embed.locator('tr[data-row="networking.k8s.io/v1 Ingress"]').count()).toBe(1);
  const framed = page.frame({ name: "page" })!;
  expect(framed.url()).not.toContain("/ui/matrix");
  expect(await framed.locator("table.matrix").count()).toBe(0);
  expect(await page.evaluate(`document.getElementById("badge").naturalWidth`)).toBeGreaterThan(100);
  await context.close();
});

describe("hostile input", () => {
  const HOSTILE = "<script>window.__pwned=1</script>";
  const h = encodeURIComponent(HOSTILE);
  const urls = [
    `/?q=${h}`, `/ui/search?q=${h}`, `/ui/matrix?view=${h}`, `/ui/matrix?groups=${h}&from=${h}&to=${h}`, `/ui/versions/${h}`,
    `/ui/diff?from=${h}&to=${h}`, `/ui/kinds/${h}`, `/ui/check?target=${h}`,
    `/embed/matrix?groups=${h}&from=${h}&to=${h}&theme=${h}`, `/embed/kinds/${h}?theme=${h}`, `/embed/diff?from=${h}&to=${h}&theme=${h}`, `/embed/kinds/Ingress?theme=light&x=${h}`,
  ];
  for (const path of urls) {
    it(`${path.slice(0, 60)} shows it escaped and runs no script`, async () => {
      const body = await (await fetch(worker.url + path)).text();
      expect(body).not.toContain("<script");
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(worker.url + path);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(await page.locator("script").count()).toBe(0);
      const text = (await page.textContent("body")) ?? "";
      if (body.includes("&lt;script&gt;")) expect(text).toContain(HOSTILE);
      await context.close();
    });
  }
});

describe("screenshots (test-results/screenshots)", () => {
  const SHOTS_OF: [string, string][] = [["home", "/"], ["matrix", "/ui/matrix"], ["version", "/ui/versions/1.29"], ["kind", "/ui/kinds/HorizontalPodAutoscaler"]];
  /** One page at a time, in front: Chromium may refuse to capture a page left behind others ("Unable to capture screenshot"). */
  const shoot = async (context: BrowserContext, path: string, file: string, options: Parameters<Page["screenshot"]>[0] = {}) => {
    const { page } = await visit(context, path);
    await page.bringToFront();
    await page.screenshot({ path: join(SHOTS, file), ...options });
    await page.close();
  };
  for (const colorScheme of ["light", "dark"] as const) {
    it(`of home, matrix, a version page and an embed in ${colorScheme}`, async () => {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      for (const [name, path] of SHOTS_OF) await shoot(context, path, `${name}-${colorScheme}.png`);
      const phone = await browser.newContext({ colorScheme, viewport: { width: 390, height: 844 }, isMobile: true });
      await shoot(phone, "/ui/matrix", `matrix-phone-${colorScheme}.png`);
      await shoot(context, `/embed/matrix?groups=policy,autoscaling,flowcontrol.apiserver.k8s.io&theme=${colorScheme}`, `embed-matrix-${colorScheme}.png`, { fullPage: true });
      await shoot(context, `/embed/diff?from=1.24&to=1.25&theme=${colorScheme}`, `embed-diff-${colorScheme}.png`, { fullPage: true });
      await shoot(context, "/badge/policy/v1beta1/PodDisruptionBudget.svg", `badge-${colorScheme}.png`, { clip: { x: 0, y: 0, width: 320, height: 30 } });
      await context.close();
      await phone.close();
    });
  }
});

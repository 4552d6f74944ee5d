// Pages, embeds, badges and /v1/matrix inside workerd with real KV: headers (framing, caching),
// escaping of input, badge formats, search redirects and the check form.
import { beforeAll, describe, expect, it } from "vitest";
import { Status } from "../../src/discovery/types";
import { AvailabilityMatrixList } from "../../src/matrix/schema";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

beforeAll(async () => { await seedSnapshots(); });
const get = (path: string, headers: Record<string, string> = {}) => fetchWorker(`https://kds.test${path}`, { headers, redirect: "manual" });

const PAGES = ["/", "/ui/matrix", "/ui/matrix?view=resources", "/ui/versions/1.29", "/ui/versions/latest", "/ui/diff", "/ui/diff?from=1.24&to=1.25", "/ui/kinds/Ingress", "/ui/check"];
const EMBEDS = ["/embed/matrix?groups=policy&from=1.21&to=1.26", "/embed/kinds/Ingress", "/embed/diff?from=1.24&to=1.25&theme=dark"];

/** Tags of an XML text in order, checking each closes what it opened. */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const [, close, name, selfClose] of xml.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (selfClose) continue;
    if (close) { if (stack.pop() !== name) return false; } else stack.push(name!);
  }
  return stack.length === 0;
}

describe("pages", () => {
  for (const path of PAGES) {
    it(`${path} is HTML with a title, refuses framing, and revalidates with its ETag`, async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("cache-control")).toBe("public, max-age=60");
      const body = await res.text();
      expect(body).toMatch(/^<!doctype html><html lang="en">/);
      expect(body).toMatch(/<title>[^<]+<\/title>/);
      expect(body).not.toContain("<script");
      const again = await get(path, { "if-none-match": res.headers.get("etag")! });
      expect(again.status).toBe(304);
    });
  }
});

it("/ui/versions/1.37 names what its sources leave open; 1.36, whose sources settle everything, does not", async () => {
  expect(await (await get("/ui/versions/1.37")).text()).toMatch(/<li>\? certificates\.k8s\.io\/v1 <strong>PodCertificateRequest<\/strong> \(podcertificaterequests\) — [^<]*v0\.37\.0-beta\.0/);
  expect(await (await get("/ui/versions/1.36")).text()).not.toContain("Not established");
});

it("/ui/diff names what 1.37's sources leave open beside the upgrade from 1.36", async () => {
  const body = await (await get("/ui/diff?from=1.36&to=1.37")).text();
  expect(body).toMatch(/groups change; 1 resource is not established\./);
  expect(body).toMatch(/<li>\? certificates\.k8s\.io\/v1 <strong>PodCertificateRequest<\/strong> \(podcertificaterequests\): whether 1\.37 serves it is not established — [^<]*v0\.37\.0-beta\.0/);
});

it("renders a page once per published catalog and URL, then answers the same bytes from memory", async () => {
  const first = await get("/ui/matrix?view=resources&from=1.20");
  const second = await get("/ui/matrix?view=resources&from=1.20");
  expect([first.headers.get("x-kds-page-cache"), second.headers.get("x-kds-page-cache")]).toEqual(["miss", "hit"]);
  expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  expect(await second.text()).toBe(await first.text());
});

describe("embeds", () => {
  for (const path of EMBEDS) {
    it(`${path} may be framed from any origin and needs nothing outside itself`, async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-frame-options")).toBeNull();
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
      const body = await res.text();
      expect(body).toContain("<style>");
      expect(body).not.toMatch(/<script|<link|@import|url\(|src="/);
    });
  }

  it("takes the theme from ?theme and refuses an unknown one", async () => {
    expect(await (await get("/embed/kinds/Ingress?theme=dark")).text()).toContain('<html lang="en" data-theme="dark">');
    expect((await get("/embed/kinds/Ingress?theme=purple")).status).toBe(400);
  });
});

describe("escaping", () => {
  const HOSTILE = '<script>alert("x")</script>';
  const h = encodeURIComponent(HOSTILE);
  for (const path of [`/ui/kinds/${h}`, `/ui/search?q=${h}`, `/ui/versions/${h}`, `/ui/matrix?from=${h}`, `/ui/diff?from=${h}`, `/embed/kinds/${h}`, `/embed/matrix?to=${h}`]) {
    it(`${path.slice(0, 40)} shows the input as text`, async () => {
      const res = await get(path);
      expect([400, 404]).toContain(res.status);
      const body = await res.text();
      expect(body).not.toContain("<script");
      expect(body).toContain("&lt;script&gt;");
    });
  }
});

describe("search", () => {
  it("goes to a kind's page by short name, plural or kind", async () => {
    for (const q of ["ing", "ingresses", "Ingress"]) {
      const res = await get(`/ui/search?q=${q}`);
      expect(res.status, q).toBe(302);
      expect(res.headers.get("location"), q).toBe("/ui/kinds/Ingress");
    }
  });

  it("goes to the matrix of a group", async () => {
    expect((await get("/ui/search?q=policy%2Fv1beta1")).headers.get("location")).toBe("/ui/matrix?groups=policy&view=resources");
    expect((await get("/ui/search?q=core")).headers.get("location")).toBe("/ui/matrix?groups=core");
  });

  it("reaches a kind page by short name", async () => {
    const res = await get("/ui/kinds/hpa");
    expect(res.headers.get("location")).toBe("/ui/kinds/HorizontalPodAutoscaler");
  });

  it("says when nothing is named so", async () => {
    const res = await get("/ui/search?q=frobnicator");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("No kind, resource, short name or group of any release is named “frobnicator”");
  });
});

describe("badges", () => {
  it("draws a valid SVG for a removed resource: policy/v1beta1 PodDisruptionBudget | 1.19–1.24", async () => {
    const res = await get("/badge/policy/v1beta1/PodDisruptionBudget.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="20" role="img" aria-label="policy\/v1beta1 PodDisruptionBudget: 1.19–1.24">/);
    expect(balanced(svg)).toBe(true);
  });

  it("answers the shields.io endpoint format, core group written core", async () => {
    expect(await (await get("/badge/apps/v1/Deployment.json")).json()).toEqual({ schemaVersion: 1, label: "apps/v1 Deployment", message: "1.19+", color: "2e7d32" });
    expect(await (await get("/badge/core/v1/pods.json")).json()).toMatchObject({ label: "v1 Pod", message: "1.19+" });
    expect(await (await get("/badge/autoscaling/v2beta2/HorizontalPodAutoscaler.json")).json()).toMatchObject({ message: "1.19–1.25", color: "c62828" });
  });

  it("answers 404 Status for a resource nothing knows and for another extension", async () => {
    for (const path of ["/badge/apps/v1/NoSuchKind.svg", "/badge/apps/v1/Deployment.png"]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(Status.parse(await res.json()).reason).toBe("NotFound");
    }
  });
});

describe("GET /v1/matrix", () => {
  it("answers the matrix the page shows, narrowed to groups and releases", async () => {
    const res = await get("/v1/matrix?view=resources&groups=policy&from=1.24&to=1.25");
    const m = AvailabilityMatrixList.parse(await res.json());
    expect(m.releases).toEqual(["1.24", "1.25"]);
    expect(m.rows.find((r) => r.groupVersion === "policy/v1beta1" && r.kind === "PodDisruptionBudget")!.cells).toEqual(["deprecated", "absent"]);
  });

  it("refuses an unknown view and an unknown release with a Status", async () => {
    expect((await get("/v1/matrix?view=sideways")).status).toBe(400);
    expect((await get("/v1/matrix?from=0.1")).status).toBe(404);
  });
});

describe("the check form", () => {
  const form = (fields: [string, string | File][]) => {
    const f = new FormData();
    for (const [k, v] of fields) f.append(k, v);
    return fetchWorker("https://kds.test/ui/check", { method: "POST", body: f });
  };
  const INGRESS = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n";

  it("shows a verdict per target for pasted manifests", async () => {
    const res = await form([["target", "1.21"], ["target", "1.22"], ["manifests", INGRESS]]);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.text();
    // One cell per target: the status in words, then the check's own sentence.
    const cells = [...body.matchAll(/<td class="verdict-([a-z-]+)"><strong>([^<]+)<\/strong>/g)].map((m) => [m[1], m[2]]);
    expect(cells).toEqual([["deprecated", "! deprecated"], ["not-served", "✕ not served"]]);
  });

  it("reads an uploaded file", async () => {
    const res = await form([["target", "1.22"], ["manifests", ""], ["file", new File([INGRESS], "ingress.yaml", { type: "text/yaml" })]]);
    const body = await res.text();
    expect(body).toContain("ingress.yaml:1");
    expect(body).toContain('<td class="verdict-not-served">');
  });

  it("asks for a target and for manifests", async () => {
    expect(await (await form([["manifests", INGRESS]])).text()).toContain("Pick at least one target release.");
    expect(await (await form([["target", "1.22"], ["manifests", " "]])).text()).toContain("Paste some manifests or choose a file.");
  });

  it("refuses more verdicts than POST /v1/check allows, before checking", async () => {
    const many = Array.from({ length: 1100 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join("---\n");
    const targets = ["1.19", "1.20", "1.21", "1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"];
    const res = await form([...targets.map((t): [string, string] => ["target", t]), ["manifests", many]]);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/\d+ documents × 19 targets is \d+ verdicts; a check computes at most 20000/);
  });

  it("refuses a form larger than the check's body limit", async () => {
    const res = await form([["target", "1.22"], ["manifests", "#".repeat(1024 * 1024 + 1)]]);
    expect(res.status).toBe(413);
  });
});

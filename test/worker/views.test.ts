// The aggregated and legacy views of every snapshot describe the same API, and the Helm view
// is derived from it.
import { beforeAll, describe, expect, it } from "vitest";
import { modelFromAggregated, modelFromLegacy } from "../../src/discovery/read";
import type { GroupModel } from "../../src/discovery/model";
import { seedSnapshots, snapshotIds, SNAPSHOT_FILES } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

const fetchJson = async (url: string, accept = "application/json") => {
  const res = await fetchWorker(url, { headers: { accept } });
  expect(res.status, url).toBe(200);
  return { body: await res.json() as any, contentType: res.headers.get("content-type") };
};

/** Groups, versions, resources, verbs and scopes: what both views must agree on. */
const essence = (groups: GroupModel[]) => groups.map((g) => ({
  group: g.name,
  versions: g.versions.map((v) => ({
    version: v.version,
    resources: v.resources.map((r) => ({ resource: r.resource, kind: r.kind, namespaced: r.namespaced, verbs: r.verbs, shortNames: r.shortNames ?? [], categories: r.categories ?? [], subresources: r.subresources })).sort((a, b) => (a.resource < b.resource ? -1 : 1)),
  })),
}));

beforeAll(async () => { await seedSnapshots(); });

describe("aggregated and legacy discovery agree", () => {
  for (const id of snapshotIds()) {
    it(`${id}: every aggregated form describes the same groups, versions, resources, verbs and scopes as the legacy documents`, async () => {
      const base = `https://kds.test/k8s/${id}`;
      const cache = new Map<string, unknown>();
      const legacyDocs = async (path: string) => {
        if (!cache.has(path)) cache.set(path, (await fetchJson(base + path)).body);
        return cache.get(path);
      };
      // Prefetch every legacy document the legacy model needs, then read it synchronously.
      const apis = await legacyDocs("/apis") as { groups: { name: string; versions: { version: string }[] }[] };
      const api = await legacyDocs("/api") as { versions: string[] };
      for (const v of api.versions) await legacyDocs(`/api/${v}`);
      for (const g of apis.groups) for (const v of g.versions) await legacyDocs(`/apis/${g.name}/${v.version}`);
      const legacy = essence(modelFromLegacy((p) => cache.get(p)));

      const manifest = JSON.parse(SNAPSHOT_FILES[`${id}/manifest.json`]!) as { aggregatedDiscovery: string[] };
      for (const form of manifest.aggregatedDiscovery) {
        const accept = `application/json;g=apidiscovery.k8s.io;v=${form};as=APIGroupDiscoveryList`;
        const a = await fetchJson(`${base}/api`, accept);
        const b = await fetchJson(`${base}/apis`, accept);
        expect(a.contentType).toBe(accept);
        expect(essence(modelFromAggregated(a.body, b.body)), `${id} ${form}`).toEqual(legacy);
      }
    });
  }
});

describe("Helm view", () => {
  it("lists every served group/version and group/version/Kind, one per line, sorted", async () => {
    const res = await fetchWorker("https://kds.test/k8s/1.21/helm-api-versions");
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines).toEqual([...lines].sort());
    for (const expected of ["v1", "v1/Pod", "apps/v1", "apps/v1/Deployment", "apps/v1/Scale", "extensions/v1beta1/Ingress", "batch/v1beta1/CronJob", "policy/v1beta1/PodSecurityPolicy"]) {
      expect(lines).toContain(expected);
    }
    const later = (await (await fetchWorker("https://kds.test/k8s/1.25/helm-api-versions")).text()).split("\n");
    expect(later).not.toContain("policy/v1beta1/PodSecurityPolicy");
    expect(later).not.toContain("batch/v1beta1");
  });
});

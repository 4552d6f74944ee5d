import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import type { ReleaseHistory } from "../../src/timeline/history";
import { groupTimeline, resourceTimeline } from "../../src/timeline/timeline";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let history: ReleaseHistory;
beforeAll(async () => { history = await snapshots.history(); });
const servesIngress = async (id: string, gv: string) => (await snapshots.index(id)).groups
  .flatMap((g) => g.versions.map((v) => [g.name ? `${g.name}/${v.version}` : v.version, v] as const))
  .some(([name, v]) => name === gv && v.resources.some((r) => r.kind === "Ingress"));

describe("timelines", () => {
  it("covers the bundled releases, oldest first", () => {
    expect(history.releases).toEqual(snapshots.ids);
  });

  it("tells until when extensions/v1beta1 Ingress was served, its removal and replacement", async () => {
    const t = resourceTimeline(history, "extensions", "v1beta1", "Ingress")!;
    const r = t.versions[0]!.resources[0]!;
    const served = [];
    for (const id of history.releases) if (await servesIngress(id, "extensions/v1beta1")) served.push(id);
    expect(r.servedIn).toEqual(served);
    expect(r).toMatchObject({ resource: "ingresses", kind: "Ingress", lastServed: "1.21", notServedFrom: "1.22" });
    expect(r.lifecycle).toMatchObject({ removed: "1.22", replacement: { group: "networking.k8s.io", version: "v1", kind: "Ingress" } });
  });

  it("tells since when networking.k8s.io/v1 Ingress is served, by kind, plural or singular", async () => {
    const byKind = resourceTimeline(history, "networking.k8s.io", "v1", "Ingress")!;
    expect(resourceTimeline(history, "networking.k8s.io", "v1", "ingresses")).toEqual(byKind);
    expect(resourceTimeline(history, "networking.k8s.io", "v1", "ingress")).toEqual(byKind);
    const r = byKind.versions[0]!.resources[0]!;
    expect(r.firstServed).toBe(history.releases.find((id) => history.served.get(id)!.get("networking.k8s.io/v1")?.some((x) => x.kind === "Ingress")));
    expect(r.lastServed).toBe(history.releases.at(-1));
    expect(r.notServedFrom).toBeNull();
  });

  it("lists every version of a group, with the releases serving each", () => {
    const t = groupTimeline(history, "policy")!;
    const v1beta1 = t.versions.find((v) => v.version === "v1beta1")!;
    expect(v1beta1.notServedFrom).toBe("1.25");
    expect(v1beta1.resources.map((r) => r.kind)).toEqual(expect.arrayContaining(["PodDisruptionBudget", "PodSecurityPolicy"]));
    expect(t.versions.find((v) => v.version === "v1")!.lastServed).toBe(history.releases.at(-1));
  });

  it("knows the core group by its empty name", () => {
    const t = resourceTimeline(history, "", "v1", "pods")!;
    expect(t.versions[0]!.resources[0]!.servedIn).toEqual(history.releases);
  });

  it("knows nothing of custom resource groups or unknown kinds", () => {
    expect(groupTimeline(history, "cert-manager.io")).toBeNull();
    expect(resourceTimeline(history, "apps", "v1", "NoSuchKind")).toBeNull();
    expect(resourceTimeline(history, "apps", "v9", "Deployment")).toBeNull();
  });
});

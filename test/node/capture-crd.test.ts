// A captured cluster keeps its custom resource groups: the loopback server adds a TEST CRD
// group (stable.example.com/v1 crontabs, the CronTab example of the Kubernetes CRD docs; user-made
// fixture data, not Kubernetes API data) to the bundled 1.29 snapshot, in every document that lists groups.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GroupModel } from "../../src/discovery/model";
import { modelFromAggregated } from "../../src/discovery/read";
import { modelOfDocuments } from "../../src/snapshot/model";
import { renderAggregated, renderAPIGroup, renderAPIResourceList, type RenderOptions } from "../../src/discovery/render";
import type { APIGroupDiscoveryList, APIGroupList } from "../../src/discovery/types";
import { documentKey } from "../../src/snapshot/documents";
import { loadSnapshot, type LoadedSnapshot, type SnapshotDocument } from "../../src/snapshot/fs";
import { runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments, type DiscoveryServer } from "./lib/capture-server";
import { snapshot } from "./lib/snapshots";

const TEST_CRD: GroupModel = {
  name: "stable.example.com",
  versions: [{
    version: "v1",
    resources: [{ resource: "crontabs", kind: "CronTab", namespaced: true, singularName: "crontab", verbs: ["delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"], shortNames: ["ct"], subresources: [] }],
  }],
};
const OPTS: RenderOptions = { groupsWithoutApiVersion: new Set(), creationTimestampNull: true };

/** The 1.29 snapshot's documents as a cluster with TEST_CRD installed serves them. */
function withTestCrd(source: LoadedSnapshot): SnapshotDocument[] {
  const docs = [...source.documents.values()].map((d): SnapshotDocument => {
    if (d.ref.path !== "/apis") return d;
    if (d.ref.form === "legacy") {
      const list = d.body as APIGroupList;
      return { ref: d.ref, body: { ...list, groups: [...list.groups, renderAPIGroup(TEST_CRD, OPTS, true)] } };
    }
    const list = d.body as APIGroupDiscoveryList;
    return { ref: d.ref, body: { ...list, items: [...list.items, ...renderAggregated([TEST_CRD], d.ref.form, OPTS).items] } };
  });
  docs.push(
    { ref: { path: "/apis/stable.example.com", form: "legacy" }, body: renderAPIGroup(TEST_CRD, OPTS, false) },
    { ref: { path: "/apis/stable.example.com/v1", form: "legacy" }, body: renderAPIResourceList(TEST_CRD.name, TEST_CRD.versions[0]!, OPTS) },
  );
  return docs;
}

let server: DiscoveryServer;
let served: SnapshotDocument[];
let out: string;
let captured: LoadedSnapshot;

beforeAll(async () => {
  served = withTestCrd(await snapshot("1.29"));
  server = await serveDocuments(served);
  out = tempDir("crd");
  const run = await runCapture(["--server", server.url, "--id", "crd-cluster", "--out", join(out, "crd-cluster")]);
  expect(run.stderr).not.toMatch(/kds capture:/);
  expect(run.code).toBe(0);
  captured = await loadSnapshot(join(out, "crd-cluster"));
});

afterAll(async () => {
  await server.stop();
  rmSync(out, { recursive: true, force: true });
});

describe("capturing a cluster with a custom resource group", () => {
  it("keeps every document the server serves, the CRD group's included, as served", () => {
    expect(new Map([...captured.documents].map(([k, d]) => [k, d.body]))).toEqual(new Map(served.map((d) => [documentKey(d.ref), d.body])));
  });

  it("lists the CRD group in /apis and serves its group-version document", () => {
    const legacy = modelOfDocuments(captured.documents);
    expect(legacy.find((g) => g.name === "stable.example.com")).toEqual(TEST_CRD);
  });

  it("keeps the CRD group in aggregated discovery", () => {
    const aggregated = modelFromAggregated(captured.documents.get(documentKey({ path: "/apis", form: "v2beta1" }))!.body as APIGroupDiscoveryList);
    expect(aggregated.find((g) => g.name === "stable.example.com")?.versions[0]?.resources.map((r) => r.resource)).toEqual(["crontabs"]);
  });
});

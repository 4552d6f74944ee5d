// Aggregated discovery in a capture: probed with client-go's Accept headers one form at a time,
// and recorded only in the forms the server's Content-Type confirms.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minorOf } from "../../src/capture/manifest";
import { aggregatedFormOf } from "../../src/capture/media-type";
import { documentKey } from "../../src/snapshot/documents";
import type { VersionInfo } from "../../src/discovery/types";
import { documentFiles, runCapture, tempDir } from "./lib/capture-cli";
import { serveDocuments } from "./lib/capture-server";
import { snapshot, SNAPSHOTS_DIR } from "./lib/snapshots";

let out: string;
let captures = 0;
beforeAll(() => { out = tempDir("negotiation"); });
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function captureOf(id: string, opts: Parameters<typeof serveDocuments>[1] = {}) {
  const server = await serveDocuments((await snapshot(id)).documents.values(), opts);
  try {
    const dir = join(out, `${id}-${++captures}`);
    const run = await runCapture(["--server", server.url, "--out", dir]);
    return { run, dir, requests: server.requests };
  } finally {
    await server.stop();
  }
}

describe("aggregated discovery in a capture", () => {
  it.each(["1.26", "1.29", "1.30", "1.33"])("records exactly the forms a %s server serves, byte for byte", async (id) => {
    const { run, dir } = await captureOf(id);
    expect(run.code).toBe(0);
    expect(JSON.parse(documentFiles(dir).get("version.json")!)).toEqual((await snapshot(id)).documents.get(documentKey({ path: "/version", form: "legacy" }))!.body);
    expect(run.stdout).toContain(`aggregated discovery: ${(await snapshot(id)).manifest.aggregatedDiscovery.join(", ") || "none"},`);
    expect(documentFiles(dir)).toEqual(documentFiles(join(SNAPSHOTS_DIR, id)));
  });

  it("asks for /api and /apis with client-go's Accept headers, one aggregated form at a time", async () => {
    const { requests } = await captureOf("1.30");
    expect(requests.filter((r) => r.path === "/apis").map((r) => r.accept)).toEqual([
      "application/json, */*",
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json",
    ]);
  });

  it("does not record an aggregated body whose Content-Type is plain application/json", async () => {
    const { run, dir } = await captureOf("1.30", { mislabelAggregated: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("aggregated discovery: none,");
    expect(readdirSync(dir)).not.toContain("aggregated");
  });

  it("reads the form from Content-Type parameters in any order and spacing", () => {
    expect(aggregatedFormOf("application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList")).toBe("v2beta1");
    expect(aggregatedFormOf("application/json; as=APIGroupDiscoveryList; v=v2; g=apidiscovery.k8s.io")).toBe("v2");
    expect(aggregatedFormOf("application/json")).toBeNull();
    expect(aggregatedFormOf("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscovery")).toBeNull();
  });
});

describe("snapshot identity from /version", () => {
  const version129 = async () => (await snapshot("1.29")).documents.get(documentKey({ path: "/version", form: "legacy" }))!.body as VersionInfo;

  it("strips the '+' that managed clusters (GKE, EKS) append to the minor", async () => {
    expect(minorOf({ ...(await version129()), minor: "29+" })).toBe("1.29");
  });

  it("refuses a /version that is not Kubernetes 1.x", async () => {
    const version = { ...(await version129()), major: "2" };
    expect(() => minorOf(version)).toThrow(/not a Kubernetes 1\.x release/);
  });
});

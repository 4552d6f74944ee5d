// Real kubectl (1.27 … 1.33) against the real worker (the shared production bundle): every discovery path
// (aggregated v2, aggregated v2beta1, legacy) gives the same tables as a real cluster of that release.
import { describe, expect, it } from "vitest";
import { groupVersion } from "../../src/discovery/model";
import { preferredResources } from "../../src/discovery/preferred";
import { kubectl, parseTable, requestedPaths } from "./helpers/kubectl";
import { sharedWorker } from "./helpers/shared-worker";
import { model, reference_, snapshot } from "./lib/snapshots";

const worker = sharedWorker();

type Path = "v2" | "v2beta1" | "legacy";
const CASES: { client: string; snapshot: string; path: Path }[] = [
  { client: "1.33", snapshot: "1.31", path: "v2" },
  { client: "1.33", snapshot: "1.30", path: "v2" },
  { client: "1.33", snapshot: "1.37", path: "v2" },
  { client: "1.30", snapshot: "1.28", path: "v2beta1" },
  { client: "1.27", snapshot: "1.29", path: "v2beta1" },
  { client: "1.29", snapshot: "1.29", path: "v2beta1" },
  { client: "1.27", snapshot: "1.32", path: "v2beta1" },
  { client: "1.27", snapshot: "1.26", path: "legacy" },
  { client: "1.27", snapshot: "1.33", path: "legacy" },
  { client: "1.31", snapshot: "1.22", path: "legacy" },
];

const row = (name: string, shortNames: string, apiVersion: string, namespaced: string, kind: string) => `${name} ${shortNames || "-"} ${apiVersion} ${namespaced} ${kind}`;

async function expectedRows(id: string) {
  const capture = reference_().captures.get(id);
  if (capture) return capture.map((r) => row(r.name, r.shortNames.join(","), r.groupVersion, String(r.namespaced), r.kind)).sort();
  return preferredResources(model(await snapshot(id))).map((r) => row(r.name, r.shortNames.join(","), r.groupVersion, String(r.namespaced), r.kind)).sort();
}

// Each kubectl run has its own cache folder, so the cases run concurrently.
describe.concurrent.each(CASES)("kubectl $client against snapshot $snapshot ($path discovery)", ({ client, snapshot: id, path }) => {
  const server = () => `${worker.url}/k8s/${id}`;

  it("api-resources prints the table a real cluster of that release prints", async () => {
    const r = await kubectl(client, server(), ["api-resources", "-v=6"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseTable(r.stdout).map((x) => row(x.NAME!, x.SHORTNAMES!, x.APIVERSION!, x.NAMESPACED!, x.KIND!)).sort();
    expect(rows).toEqual(await expectedRows(id));
    const requested = requestedPaths(r.stderr).map((p) => p.slice(`/k8s/${id}`.length));
    if (path === "legacy") expect(requested).toContain("/api/v1");
    else expect([...new Set(requested)].sort()).toEqual(["/api", "/apis"]);
  });

  it("api-versions lists every served group/version", async () => {
    const r = await kubectl(client, server(), ["api-versions"]);
    expect(r.code, r.stderr).toBe(0);
    const expected = model(await snapshot(id)).flatMap((g) => g.versions.map((v) => groupVersion(g.name, v.version))).sort();
    expect(r.stdout.trim().split("\n").sort()).toEqual(expected);
  });

  it("api-resources -o wide shows every resource's verbs and categories", async () => {
    const r = await kubectl(client, server(), ["api-resources", "-o", "wide"]);
    expect(r.code, r.stderr).toBe(0);
    const shown = parseTable(r.stdout).map((x) => `${x.NAME} ${x.APIVERSION} ${x.VERBS} ${x.CATEGORIES ?? ""}`.trim()).sort();
    const expected = preferredResources(model(await snapshot(id)))
      .map((p) => `${p.name} ${p.groupVersion} ${p.verbs.join(",")} ${p.categories.join(",")}`.trim()).sort();
    expect(shown).toEqual(expected);
  });

  it("api-resources --api-group=apps lists only the apps group", async () => {
    const r = await kubectl(client, server(), ["api-resources", "--api-group=apps"]);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseTable(r.stdout);
    expect(rows.map((x) => x.NAME).sort()).toEqual(["controllerrevisions", "daemonsets", "deployments", "replicasets", "statefulsets"]);
    expect(new Set(rows.map((x) => x.APIVERSION))).toEqual(new Set(["apps/v1"]));
  });
});

describe.concurrent("kubectl errors and version", () => {
  it("kubectl version -o json reports the snapshot's server version", async () => {
    const r = await kubectl("1.29", `${worker.url}/k8s/1.29`, ["version", "-o", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).serverVersion).toMatchObject({ major: "1", minor: "29", gitVersion: "v1.29.2" });
  });
  it("kubectl 1.33 version -o json reports 1.37's emulation and compatibility versions", async () => {
    const r = await kubectl("1.33", `${worker.url}/k8s/1.37`, ["version", "-o", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).serverVersion).toMatchObject({ gitVersion: "v1.37.0", emulationMajor: "1", emulationMinor: "37", minCompatibilityMajor: "1", minCompatibilityMinor: "36" });
  });
  it("an unknown snapshot fails as a NotFound from the server, not as an empty table", async () => {
    const r = await kubectl("1.33", `${worker.url}/k8s/1.99`, ["api-resources"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("Error from server (NotFound)");
    expect(parseTable(r.stdout)).toEqual([]);
  });
  it("get --raw shows the Status message naming the unknown snapshot", async () => {
    const r = await kubectl("1.33", worker.url, ["get", "--raw", "/k8s/1.99/apis"]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Error from server (NotFound): snapshot "1.99" not found');
  });
});

describe("kubectl explain against a snapshot", () => {
  // Snapshots hold discovery only: explain must learn that OpenAPI is not served (404), not that its media type is refused (406).
  it.each(["1.27", "1.33"])("kubectl %s explain says OpenAPI is not served, not NotAcceptable", async (client) => {
    const r = await kubectl(client, `${worker.url}/k8s/1.33`, ["explain", "deployments", "-v=6"]);
    expect(r.code).not.toBe(0);
    expect(requestedPaths(r.stderr).some((p) => p.startsWith("/k8s/1.33/openapi/"))).toBe(true);
    expect(r.stderr).toContain("Error from server (NotFound): the server could not find the requested resource");
    expect(r.stderr).not.toMatch(/NotAcceptable|not acceptable/i);
  });
});

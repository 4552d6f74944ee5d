// GET /v1/diff?fields=true and GET /v1/timeline/...?field=: field-level answers from the indexes in KV.
import { beforeAll, describe, expect, it } from "vitest";
import { SnapshotDiff } from "../../src/diff/types";
import { FieldTimeline } from "../../src/fields/field-timeline";
import { seedSnapshots } from "./lib/seed";
import { fetchWorker } from "./lib/fetch-worker";

beforeAll(async () => { await seedSnapshots(); });
const get = (path: string) => fetchWorker(`https://kds.test${path}`);

describe("GET /v1/diff fields=true", () => {
  it("lists the fields added per kind from 1.26 to 1.27, resizePolicy among them", async () => {
    const res = await get("/v1/diff?from=1.26&to=1.27&fields=true");
    expect(res.status).toBe(200);
    const d = SnapshotDiff.parse(await res.json());
    expect(d.fields!.find((k) => k.apiVersion === "v1" && k.kind === "Pod")!.added).toContain("spec.containers[].resizePolicy");
  });

  it("leaves fields out unless asked, with its own ETag", async () => {
    const plain = await get("/v1/diff?from=1.26&to=1.27");
    expect(SnapshotDiff.parse(await plain.json()).fields).toBeUndefined();
    const withFields = await get("/v1/diff?from=1.26&to=1.27&fields=true");
    expect(withFields.headers.get("etag")).not.toBe(plain.headers.get("etag"));
  });

  it("renders them in markdown", async () => {
    expect(await (await get("/v1/diff?from=1.26&to=1.27&fields=true&format=markdown&group=core")).text()).toContain("| `v1` | Pod | `spec.containers[].resizePolicy` | added |");
  });
});

describe("GET /v1/timeline/{group}/{version}/{kind}?field=", () => {
  it("gives the releases of a Pod container's resizePolicy, list index or not, with its gates", async () => {
    const res = await get("/v1/timeline/core/v1/pods?field=spec.containers[0].resizePolicy");
    expect(res.status).toBe(200);
    const t = FieldTimeline.parse(await res.json());
    expect(t).toMatchObject({ apiVersion: "v1", objectKind: "Pod", field: "spec.containers[].resizePolicy", firstKnown: "1.27", notKnownFrom: null });
    expect(t.knownIn).toEqual(t.releases.filter((r) => Number(r.split(".")[1]) >= 27));
    expect(t.gated[0]).toEqual({ release: "1.27", gates: ["InPlacePodVerticalScaling"] });
  });

  it("CronJob spec.timeZone: first known in 1.24", async () => {
    const t = FieldTimeline.parse(await (await get("/v1/timeline/batch/v1/CronJob?field=spec.timeZone")).json());
    expect(t.firstKnown).toBe("1.24");
  });

  it("answers 404 for a field no release has, and 400 for something that is not a field path", async () => {
    expect((await get("/v1/timeline/apps/v1/deployments?field=spec.replicaz")).status).toBe(404);
    expect((await get("/v1/timeline/apps/v1/deployments?field=spec..x")).status).toBe(400);
  });
});

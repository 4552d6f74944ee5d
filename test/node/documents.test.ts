import { describe, expect, it } from "vitest";
import { fileFor, refForFile } from "../../src/snapshot/documents";
describe("snapshot document files", () => {
  it("map request paths to files and back", () => {
    for (const ref of [
      { path: "/", form: "legacy" }, { path: "/version", form: "legacy" }, { path: "/api/v1", form: "legacy" },
      { path: "/apis/apps", form: "legacy" }, { path: "/apis/apps/v1", form: "legacy" }, { path: "/apis", form: "v2" },
    ] as const) expect(refForFile(fileFor(ref))).toEqual(ref);
  });
  it("refuses aggregated forms of per-group documents", () => {
    expect(() => refForFile("aggregated/v2/apis/apps.json")).toThrow(/only exists for/);
  });
});

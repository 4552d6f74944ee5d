// Reading discovery documents back into the model.
import { describe, expect, it } from "vitest";
import { modelFromLegacy } from "../../src/discovery/read";
import { documentKey } from "../../src/snapshot/documents";
import { snapshot } from "./lib/snapshots";

describe("modelFromLegacy", () => {
  it("leaves out a listed group-version whose document is absent (a capture the server refused)", async () => {
    const s = await snapshot("1.29");
    const lookup = (path: string) => (path === "/apis/autoscaling/v1" ? undefined : s.documents.get(documentKey({ path, form: "legacy" }))?.body);
    const groups = modelFromLegacy(lookup);
    expect(groups.find((g) => g.name === "autoscaling")!.versions.map((v) => v.version)).toEqual(["v2"]);
    expect(groups.find((g) => g.name === "apps")!.versions.map((v) => v.version)).toEqual(["v1"]);
  });
  it("leaves out a group none of whose documents are present", async () => {
    const s = await snapshot("1.29");
    const groups = modelFromLegacy((path) => (path.startsWith("/apis/apps/") ? undefined : s.documents.get(documentKey({ path, form: "legacy" }))?.body));
    expect(groups.map((g) => g.name)).not.toContain("apps");
    expect(groups[0]!.name).toBe("");
  });
});

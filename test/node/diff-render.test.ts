import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SNAPSHOTS, localSnapshots } from "./lib/local-snapshots";
import { diffSnapshots } from "../../src/diff/diff";
import { diffRenderers } from "../../src/diff/render";
import { SnapshotDiff, type SnapshotDiff as Diff } from "../../src/diff/types";

const snapshots = localSnapshots(BUNDLED_SNAPSHOTS);
let upgrade: Diff, same: Diff, downgrade: Diff;
beforeAll(async () => {
  const [a, b] = [await snapshots.index("1.24"), await snapshots.index("1.25")];
  upgrade = diffSnapshots(a, b);
  downgrade = diffSnapshots(b, a);
  same = diffSnapshots(a, a);
});

describe("diff renderers", () => {
  it("json is the diff itself", () => {
    expect(SnapshotDiff.parse(JSON.parse(diffRenderers.json(upgrade)))).toEqual(upgrade);
  });

  it("markdown puts every removed resource in a table row under its API version", () => {
    const md = diffRenderers.markdown(upgrade);
    expect(md).toMatch(/^## API changes from 1\.24 to 1\.25 \(upgrade\)$/m);
    expect(md).toContain("### Removed resources");
    for (const gv of upgrade.resources) for (const r of gv.removed) expect(md).toContain(`| \`${gv.groupVersion}\` | ${r.resource} | ${r.kind} |`);
    expect(md).toContain("`batch/v1beta1`");
  });

  it("text gives one line per removed resource, prefixed with -", () => {
    const text = diffRenderers.text(upgrade);
    expect(text.split("\n")[0]).toBe("API changes from 1.24 to 1.25 (upgrade)");
    expect(text).toMatch(/^group-versions removed: .*batch\/v1beta1/m);
    expect(text).toContain("batch/v1beta1:\n  - cronjobs (CronJob)");
  });

  it("reads a reversed diff as a downgrade with + lines", () => {
    const text = diffRenderers.text(downgrade);
    expect(text.split("\n")[0]).toBe("API changes from 1.25 to 1.24 (downgrade)");
    expect(text).toContain("batch/v1beta1:\n  + cronjobs (CronJob)");
  });

  it("says there are no changes for an empty diff, in every format", () => {
    expect(diffRenderers.text(same)).toBe("API changes from 1.24 to 1.24 (same-version)\nno changes\n");
    expect(diffRenderers.markdown(same)).toContain("No changes.");
    expect(JSON.parse(diffRenderers.json(same)).resources).toEqual([]);
  });
});

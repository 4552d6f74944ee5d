// GitHub-flavoured markdown for docs pages and PR comments: summary lists, then one table per kind of change.
import { isEmptyDiff } from "../diff";
import { displayGroup } from "../group-name";
import type { SnapshotDiff } from "../types";
import { code, markdownTable } from "../../render/markdown";
import { describeValue, diffTitle } from "./heading";

export function renderDiffMarkdown(d: SnapshotDiff): string {
  const out = [`## ${diffTitle(d)}`, "", ...changeSections(d)];
  if (d.unknownResources.length) {
    out.push("### Not established", "", "The sources of these snapshots do not settle whether they serve the following; the changes above cannot show them.", "",
      ...markdownTable(["Snapshot", "API version", "Resource", "Kind", "Why"], d.unknownResources.map((r) => [r.snapshot, code(r.groupVersion), r.resource, r.kind, r.reason])), "");
  }
  return out.join("\n");
}

function changeSections(d: SnapshotDiff): string[] {
  if (isEmptyDiff(d)) return ["No changes.", ""];
  const out: string[] = [];
  const bullet = (label: string, xs: string[]) => { if (xs.length) out.push(`- **${label}:** ${xs.map(code).join(", ")}`); };
  bullet("Groups added", d.groupsAdded.map(displayGroup));
  bullet("Groups removed", d.groupsRemoved.map(displayGroup));
  bullet("Group-versions added", d.groupVersionsAdded);
  bullet("Group-versions removed", d.groupVersionsRemoved);
  if (out.length) out.push("");
  if (d.preferredVersionChanges.length) {
    out.push("### Preferred versions", "", ...markdownTable(["Group", "Before", "After"], d.preferredVersionChanges.map((p) => [code(displayGroup(p.group)), code(p.before), code(p.after)])), "");
  }
  const rows = (pick: "added" | "removed") => d.resources.flatMap((gv) => gv[pick].map((r) => [code(gv.groupVersion), r.resource, r.kind]));
  const removed = rows("removed"), added = rows("added");
  if (removed.length) out.push("### Removed resources", "", ...markdownTable(["API version", "Resource", "Kind"], removed), "");
  if (added.length) out.push("### Added resources", "", ...markdownTable(["API version", "Resource", "Kind"], added), "");
  const changed = d.resources.flatMap((gv) => gv.changed.flatMap((r) => r.changes.map((c) => [code(gv.groupVersion), r.resource, c.field, describeValue(c.before), describeValue(c.after)])));
  if (changed.length) out.push("### Changed resources", "", ...markdownTable(["API version", "Resource", "Field", "Before", "After"], changed), "");
  const fieldRows = (d.fields ?? []).flatMap((k) => [...k.removed.map((p) => [code(k.apiVersion), k.kind, code(p), "removed"]), ...k.added.map((p) => [code(k.apiVersion), k.kind, code(p), "added"])]);
  if (fieldRows.length) out.push("### Fields", "", ...markdownTable(["API version", "Kind", "Field", "Change"], fieldRows), "");
  return out;
}

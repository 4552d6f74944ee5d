// Plain text for CI logs: one change per line, prefixed +, - or ~ like a unified diff.
import { isEmptyDiff } from "../diff";
import { displayGroup } from "../group-name";
import type { SnapshotDiff } from "../types";
import { describeValue, diffTitle, unknownResourceLines } from "./heading";

export function renderDiffText(d: SnapshotDiff): string {
  const lines = [diffTitle(d), ...changeLines(d)];
  const open = unknownResourceLines(d);
  if (open.length) lines.push("not established (the changes above may miss these):", ...open.map((l) => `  ? ${l}`));
  return lines.join("\n") + "\n";
}

function changeLines(d: SnapshotDiff): string[] {
  if (isEmptyDiff(d)) return ["no changes"];
  const lines: string[] = [];
  const list = (label: string, xs: string[]) => { if (xs.length) lines.push(`${label}: ${xs.join(", ")}`); };
  list("groups added", d.groupsAdded.map(displayGroup));
  list("groups removed", d.groupsRemoved.map(displayGroup));
  list("group-versions added", d.groupVersionsAdded);
  list("group-versions removed", d.groupVersionsRemoved);
  list("preferred versions changed", d.preferredVersionChanges.map((p) => `${displayGroup(p.group)} ${p.before} -> ${p.after}`));
  for (const gv of d.resources) {
    lines.push(`${gv.groupVersion}:`);
    for (const r of gv.removed) lines.push(`  - ${r.resource} (${r.kind})`);
    for (const r of gv.added) lines.push(`  + ${r.resource} (${r.kind})`);
    for (const r of gv.changed) {
      for (const c of r.changes) lines.push(`  ~ ${r.resource} (${r.kind}) ${c.field}: ${describeValue(c.before)} -> ${describeValue(c.after)}`);
    }
  }
  for (const k of d.fields ?? []) {
    lines.push(`${k.apiVersion} ${k.kind} fields:`);
    for (const p of k.removed) lines.push(`  - ${p}`);
    for (const p of k.added) lines.push(`  + ${p}`);
  }
  return lines;
}

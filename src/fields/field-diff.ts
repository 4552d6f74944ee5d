// Fields added and removed per kind between two releases' field indexes, for the kinds both
// snapshots serve (a kind only one serves is already an added or removed resource; the indexes also
// hold kinds no release serves by default). Only the topmost change is listed: a new field's own
// subfields are not repeated.
import * as z from "zod";
import { groupVersion } from "../discovery/model";
import type { SnapshotIndex, SnapshotSource } from "../diff/snapshot-index";
import type { FieldIndex } from "./field-index";
import { fieldPaths } from "./field-paths";
import { targetFieldIndexes } from "./target-fields";

export const KindFieldChanges = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  /** Paths in the reference's notation ("spec.template.spec.containers[].resizePolicy"). */
  added: z.array(z.string()),
  removed: z.array(z.string()),
}).strict();
export type KindFieldChanges = z.infer<typeof KindFieldChanges>;

/** "a.b[].c" -> "a.b"; "a.b[]" -> "a.b"; "a" -> null. */
function parentOf(path: string): string | null {
  const trimmed = path.replace(/(\[\]|\{\})+$/, "");
  if (trimmed !== path) return trimmed;
  const dot = path.lastIndexOf(".");
  return dot < 0 ? null : path.slice(0, dot).replace(/(\[\]|\{\})+$/, "");
}

function topmost(paths: string[]): string[] {
  const set = new Set(paths);
  return paths.filter((p) => { const parent = parentOf(p); return parent === null || !set.has(parent); });
}

/** "apps/v1/Deployment" -> ["apps/v1", "Deployment"]; "v1/Pod" -> ["v1", "Pod"]. */
function splitKindKey(key: string): [string, string] {
  const at = key.lastIndexOf("/");
  return [key.slice(0, at), key.slice(at + 1)];
}

const servedKinds = (s: SnapshotIndex, group: string | null) => new Set(s.groups.filter((g) => group === null || g.name === group)
  .flatMap((g) => g.versions.flatMap((v) => v.resources.map((r) => `${groupVersion(g.name, v.version)}/${r.kind}`))));

/** `group`: only kinds of this group ("" the core group), or null for all. */
export function diffFields(from: { snapshot: SnapshotIndex; fields: FieldIndex }, to: { snapshot: SnapshotIndex; fields: FieldIndex }, group: string | null): KindFieldChanges[] {
  const out: KindFieldChanges[] = [];
  const servedBefore = servedKinds(from.snapshot, group), servedAfter = servedKinds(to.snapshot, group);
  for (const key of Object.keys(to.fields.kinds).sort()) {
    if (from.fields.kinds[key] === undefined || !servedBefore.has(key) || !servedAfter.has(key)) continue;
    const [apiVersion, kind] = splitKindKey(key);
    const before = new Set(fieldPaths(from.fields, key).map((f) => f.path));
    const after = fieldPaths(to.fields, key).map((f) => f.path);
    const afterSet = new Set(after);
    const added = topmost(after.filter((p) => !before.has(p)));
    const removed = topmost([...before].filter((p) => !afterSet.has(p)));
    if (added.length || removed.length) out.push({ apiVersion, kind, added, removed });
  }
  return out;
}

/** The field changes between two snapshots of a source; [] when either has no field index to compare. */
export async function fieldChangesOf(source: SnapshotSource, from: SnapshotIndex, to: SnapshotIndex, group: string | null): Promise<KindFieldChanges[]> {
  const indexes = await targetFieldIndexes(source, [from, to]);
  const a = indexes.get(from.id), b = indexes.get(to.id);
  return a && b ? diffFields({ snapshot: from, fields: a }, { snapshot: to, fields: b }, group) : [];
}

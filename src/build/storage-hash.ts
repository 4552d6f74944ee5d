// storageVersionHash as kube-apiserver computes it, for resources whose storage version the
// reference establishes (rule storage-version-hash); null where it cannot be established.
import { createHash } from "node:crypto";
import type { CompiledLifecycle } from "./lifecycle";
import { gvkKey } from "./lifecycle";
import type { Reference } from "./reference";
import { minorNumber, stabilityOf } from "./versions";

export function storageVersionHash(group: string, version: string, kind: string): string {
  return createHash("sha256").update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString("base64");
}

/** Storage group/version/kind of a served resource, or a reason why it is not established. */
export function storageVersionOf(ref: Reference, life: CompiledLifecycle, minor: string, group: string, version: string, kind: string, verbs: string[]):
  { gvk: [string, string, string] } | { none: string } {
  if (!verbs.includes("watch")) return { none: "not an etcd-backed resource (no watch verb)" };
  if (group === "") return { gvk: ["", "v1", kind] };
  if (group === "events.k8s.io" && kind === "Event") return { gvk: ["", "v1", "Event"] };
  const previous = `1.${minorNumber(minor) - 1}`;
  const alive = (g: string, v: string) => {
    const removed = life.byGvk.get(gvkKey(g, v, kind))?.removed;
    return !removed || minorNumber(removed) > minorNumber(previous);
  };
  const presentIn = (m: string, gv: string) => ref.api.get(m)?.groups.some((p) => `${p.group}/${p.version}` === gv && p.resources.some((r) => r.kind === kind))
    ?? false;
  const candidates = new Set<string>([`${group}/${version}`]);
  for (const m of [previous, minor]) {
    for (const pkg of ref.api.get(m)?.groups ?? []) {
      if (pkg.resources.some((r) => r.kind === kind) && alive(pkg.group, pkg.version)) candidates.add(`${pkg.group}/${pkg.version}`);
    }
  }
  for (const e of life.table.entries) if (e.kind === kind && !ref.api.get(minor)?.groups.some((p) => p.group === e.group) && alive(e.group, e.version)) candidates.add(`${e.group}/${e.version}`);
  // Alpha versions have the lowest priority: a non-alpha version present in both releases outranks them.
  const isAlpha = (gv: string) => stabilityOf(gv.slice(gv.lastIndexOf("/") + 1)) === "alpha";
  const settled = [...candidates].some((gv) => !isAlpha(gv) && presentIn(previous, gv));
  const inGroup = [...candidates].filter((gv) => gv.startsWith(`${group}/`) && !(settled && isAlpha(gv)));
  const elsewhere = [...candidates].filter((gv) => !gv.startsWith(`${group}/`));
  if (elsewhere.length) return { none: `kind ${kind} also exists in ${elsewhere.join(", ")}` };
  if (inGroup.length !== 1) return { none: `${inGroup.length} candidate storage versions in ${previous}–${minor}: ${inGroup.join(", ")}` };
  return { gvk: [group, inGroup[0]!.slice(group.length + 1), kind] };
}

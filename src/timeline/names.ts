// Finding what a person typed: a kind ("Ingress"), plural ("cronjobs"), singular, short name
// ("ing") or group ("policy", "policy/v1beta1"), across every release of the history.
import { splitGroupVersion } from "../discovery/model";
import type { ReleaseHistory } from "./history";

/** Kinds whose kind (any case), plural, singular or short name is `needle`, across all releases and the lifecycle facts. */
export function kindsNamed(history: ReleaseHistory, needle: string): string[] {
  const n = needle.trim().toLowerCase();
  const found = new Set<string>();
  for (const byGv of history.served.values()) {
    for (const resources of byGv.values()) {
      for (const r of resources) {
        if (r.kind.toLowerCase() === n || r.resource === n || r.singularName === n || r.shortNames?.includes(n)) found.add(r.kind);
      }
    }
  }
  for (const e of history.lifecycle) if (e.kind.toLowerCase() === n || e.resource === n) found.add(e.kind);
  return [...found].sort();
}

/** The group (and version, if given) that `needle` names, or null: "policy", "policy/v1beta1", "core", "v1". */
export function groupNamed(history: ReleaseHistory, needle: string): { group: string; version: string | null } | null {
  const n = needle.trim();
  if (n === "core") return { group: "", version: null };
  if (history.groups.has(n) && n !== "") return { group: n, version: null };
  const { group, version } = splitGroupVersion(n);
  const known = history.releases.some((id) => history.served.get(id)?.has(n)) || history.lifecycle.some((e) => e.group === group && e.version === version);
  return known ? { group, version } : null;
}

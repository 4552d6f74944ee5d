// The availability matrix: for every group/version (or resource) and every release, whether a
// default kube-apiserver serves it, serves it deprecated, has it but off by default, or lacks it.
// Pure, from the release history (the per-release indexes plus the lifecycle facts).
import { groupVersion } from "../discovery/model";
import type { LifecycleEntry } from "../snapshot/lifecycle";
import { minorNumber } from "../snapshot/ids";
import type { ReleaseHistory } from "../timeline/history";

export const CELL_STATES = ["served", "deprecated", "off", "absent"] as const;
export type CellState = (typeof CELL_STATES)[number];

export interface MatrixRow {
  group: string;
  version: string;
  groupVersion: string;
  /** Null on a group/version row. */
  kind: string | null;
  /** Plural resource name on a resource row, when known. */
  resource: string | null;
  /** One state per release, in the matrix's release order. */
  cells: CellState[];
}

export interface AvailabilityMatrix {
  releases: string[];
  groupVersions: MatrixRow[];
  resources: MatrixRow[];
}

/** The last minor whose k8s.io/api the lifecycle entry was read from ("k8s.io/api v0.28.0 …" -> 28). */
function lastDefinedMinor(e: LifecycleEntry): number {
  const m = /k8s\.io\/api v0\.(\d+)\./.exec(e.source);
  return m ? Number(m[1]) : Infinity;
}

/** True when the release's API defines the kind (introduced, not removed, still in its k8s.io/api). */
function definedIn(e: LifecycleEntry, minor: number): boolean {
  if (!e.introduced || minorNumber(e.introduced) > minor) return false;
  if (e.removed && minorNumber(e.removed) <= minor) return false;
  return minor <= lastDefinedMinor(e);
}

const deprecatedIn = (e: LifecycleEntry | undefined, minor: number) => !!e?.deprecated && minorNumber(e.deprecated) <= minor;

function compareGroups(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "") return -1;
  if (b === "") return 1;
  return a < b ? -1 : 1;
}

export function availabilityMatrix(history: ReleaseHistory): AvailabilityMatrix {
  const { releases } = history;
  const minors = releases.map((id) => history.minors.get(id)!);
  const lifecycle = new Map<string, LifecycleEntry[]>();
  for (const e of history.lifecycle) {
    const gv = groupVersion(e.group, e.version);
    lifecycle.set(gv, [...(lifecycle.get(gv) ?? []), e]);
  }

  // Every group/version and kind a release serves or a lifecycle fact names, in order of first appearance.
  const kinds = new Map<string, { group: string; version: string; kinds: Map<string, string | null> }>();
  const note = (group: string, version: string, kind: string, resource: string | null) => {
    const gv = groupVersion(group, version);
    const entry = kinds.get(gv) ?? { group, version, kinds: new Map() };
    if (!entry.kinds.get(kind)) entry.kinds.set(kind, resource);
    kinds.set(gv, entry);
  };
  for (const id of releases) {
    for (const [gv, resources] of history.served.get(id) ?? []) {
      const slash = gv.lastIndexOf("/");
      for (const r of resources) note(slash < 0 ? "" : gv.slice(0, slash), slash < 0 ? gv : gv.slice(slash + 1), r.kind, r.resource);
    }
  }
  // Lifecycle kinds without a resource name are payloads (policy Eviction), never top-level resources.
  for (const e of history.lifecycle) if (e.resource !== null) note(e.group, e.version, e.kind, e.resource);

  const groupVersions: MatrixRow[] = [];
  const resources: MatrixRow[] = [];
  const ordered = [...kinds.entries()].sort(([, a], [, b]) => compareGroups(a.group, b.group));
  for (const [gv, { group, version, kinds: kindsOf }] of ordered) {
    const facts = lifecycle.get(gv) ?? [];
    const factOf = (kind: string) => facts.find((e) => e.kind === kind);
    const kindRows = [...kindsOf.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, resource]): MatrixRow => ({
      group, version, groupVersion: gv, kind, resource,
      cells: releases.map((id, i): CellState => {
        const served = history.served.get(id)?.get(gv)?.some((r) => r.kind === kind) ?? false;
        const fact = factOf(kind);
        if (served) return deprecatedIn(fact, minors[i]!) ? "deprecated" : "served";
        return fact && definedIn(fact, minors[i]!) ? "off" : "absent";
      }),
    })).filter((row) => row.cells.some((c) => c !== "absent"));
    if (!kindRows.length) continue;
    resources.push(...kindRows);
    groupVersions.push({
      group, version, groupVersion: gv, kind: null, resource: null,
      cells: releases.map((id, i): CellState => {
        const served = history.served.get(id)?.get(gv);
        if (served) return served.length && served.every((r) => deprecatedIn(factOf(r.kind), minors[i]!)) ? "deprecated" : "served";
        return kindRows.some((row) => row.cells[i] === "off") ? "off" : "absent";
      }),
    });
  }
  return { releases, groupVersions, resources };
}

// Compares a snapshot with the kubectl api-resources capture of its release, row for row
// (name, shortNames, preferred apiVersion, namespaced, kind).
import type { GroupModel } from "../discovery/model";
import { preferredResources } from "../discovery/preferred";
import type { CaptureRow } from "./reference";

export interface FidelityReport { minor: string; captureRows: number; matching: number; missing: string[]; extra: string[]; differing: string[] }

const rowKey = (r: { name: string; groupVersion: string }) => `${r.name} ${r.groupVersion.includes("/") ? r.groupVersion.split("/")[0] : ""}`;
const rowText = (r: { name: string; shortNames: string[]; groupVersion: string; namespaced: boolean; kind: string }) =>
  `${r.name} ${r.shortNames.join(",") || "-"} ${r.groupVersion} ${r.namespaced} ${r.kind}`;

export function compareWithCapture(minor: string, groups: GroupModel[], capture: CaptureRow[]): FidelityReport {
  const ours = new Map(preferredResources(groups).map((r) => [rowKey(r), r]));
  const theirs = new Map(capture.map((r) => [rowKey(r), r]));
  const report: FidelityReport = { minor, captureRows: capture.length, matching: 0, missing: [], extra: [], differing: [] };
  for (const [key, row] of theirs) {
    const mine = ours.get(key);
    if (!mine) report.missing.push(rowText(row));
    else if (rowText(mine) === rowText(row)) report.matching++;
    else report.differing.push(`capture: ${rowText(row)} | snapshot: ${rowText(mine)}`);
  }
  for (const [key, row] of ours) if (!theirs.has(key)) report.extra.push(rowText(row));
  return report;
}

/** What kind of value an unknown entry stands for: a /version field, a resource field, a whole resource, a path list, or a fact of a file beside the documents. */
export function unknownKind(u: { document: string; field: string }): string {
  if (u.document === "/version" || !u.document.startsWith("/")) return `${u.document} ${u.field}`;
  const dot = u.field.lastIndexOf(".");
  return dot >= 0 ? u.field.slice(dot + 1) : u.document === "/" || u.document === "/api" ? u.field : "resource entry";
}

/** Counts of unknown (and inferred) values per kind, sorted by kind. */
export function countByKind(entries: { document: string; field: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(unknownKind(e), (counts.get(unknownKind(e)) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

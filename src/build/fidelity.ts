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

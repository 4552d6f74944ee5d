// The findings of a check as table rows, problems first: what the text, wide and markdown
// renderers print. One row per object × target verdict (served ones only when asked), field
// finding, invalid object, unreadable document and unrendered template.
import type { CheckResult, FieldStatus, VerdictStatus } from "../result";
import { describeLocation, describeObject, fails, failsField, fieldCounts, type CheckRenderOptions } from "./options";

export interface FindingRow {
  location: string;
  object: string;
  target: string;
  status: string;
  /** What to use instead on the target ("-" when nothing applies). */
  replacement: string;
  detail: string;
  /** fail: fails the run; warn: reported only; ok: a served verdict (wide output). */
  level: "fail" | "warn" | "ok";
}

const VERDICT_LABEL: Record<VerdictStatus, string> = { served: "served", deprecated: "DEPRECATED", "not-served": "NOT SERVED", unknown: "UNKNOWN" };
const FIELD_LABEL: Record<FieldStatus, string> = { "unknown-field": "UNKNOWN FIELD", "gated-field": "GATED FIELD" };
const ORDER = { fail: 0, warn: 1, ok: 2 } as const;

export function findingRows(r: CheckResult, opts: CheckRenderOptions, withServed: boolean): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const o of r.objects) {
    const location = describeLocation(o), object = describeObject(o);
    if (o.problem) rows.push({ location, object, target: "-", status: "INVALID", replacement: "-", detail: o.problem, level: "fail" });
    for (const v of o.verdicts) {
      if (v.status === "served" && !withServed) continue;
      const replacement = v.replacement ? `${v.replacement.apiVersion} ${v.replacement.kind}` : "-";
      const level = fails(v, opts) ? "fail" : v.status === "served" ? "ok" : "warn";
      rows.push({ location, object, target: v.target, status: VERDICT_LABEL[v.status], replacement, detail: v.status === "served" ? "" : v.message, level });
    }
    for (const f of o.fields) {
      rows.push({ location: `${o.location.source}:${f.line}`, object, target: f.target, status: FIELD_LABEL[f.status], replacement: "-", detail: f.message, level: failsField(f) ? "fail" : "warn" });
    }
  }
  for (const e of r.errors) rows.push({ location: `${e.source}:${e.line}:${e.column}`, object: `document ${e.document}`, target: "-", status: "UNREADABLE", replacement: "-", detail: `${e.reason}: ${e.message}`, level: "fail" });
  for (const k of r.skipped) {
    if (k.reason === "HelmTemplate") rows.push({ location: k.source, object: "-", target: "-", status: "TEMPLATE", replacement: "-", detail: k.message, level: "fail" });
  }
  // Stable: within a level, rows keep the input's order.
  return rows.sort((a, b) => ORDER[a.level] - ORDER[b.level]);
}

/** The summary sentence every human-readable format ends with. */
export function summaryLine(r: CheckResult): string {
  const s = r.summary;
  const verdicts = s.served + s.deprecated + s.notServed + s.unknown;
  return `${s.objects} objects checked against ${r.targets.map((t) => t.id).join(", ")}, ${verdicts} verdicts: ${s.served} served, ${s.deprecated} deprecated, ${s.notServed} not served, ${s.unknown} unknown, ${s.invalid} invalid, ${s.errors} unreadable documents${fieldCounts(s)}, ${s.skipped} files skipped`;
}

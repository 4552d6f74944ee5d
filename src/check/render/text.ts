// Plain text for terminals and CI logs: one block per object, one line per target.
import type { CheckResult, FieldStatus, VerdictStatus } from "../result";
import { describeLocation, describeObject, fails, failsField, fieldCounts, type CheckRenderOptions } from "./options";

const LABEL: Record<VerdictStatus, string> = { served: "ok", deprecated: "DEPRECATED", "not-served": "NOT SERVED", unknown: "unknown" };
const FIELD_LABEL: Record<FieldStatus, string> = { "unknown-field": "UNKNOWN FIELD", "gated-field": "GATED FIELD" };

export function renderCheckText(r: CheckResult, opts: CheckRenderOptions): string {
  const out: string[] = [];
  const width = Math.max(...r.targets.map((t) => t.id.length));
  for (const o of r.objects) {
    out.push(`${describeLocation(o)}  ${describeObject(o)}`);
    if (o.problem) out.push(`  INVALID  ${o.problem}`);
    for (const v of o.verdicts) {
      const mark = fails(v, opts) ? "✗" : v.status === "served" ? "✓" : "!";
      out.push(`  ${mark} ${v.target.padEnd(width)}  ${LABEL[v.status]}${v.status === "served" ? "" : `: ${v.message}`}`);
    }
    for (const f of o.fields) out.push(`  ${failsField(f) ? "✗" : "!"} ${f.target.padEnd(width)}  ${FIELD_LABEL[f.status]} line ${f.line}: ${f.message}`);
  }
  for (const e of r.errors) out.push(`${e.source}:${e.line}:${e.column}  ERROR (document ${e.document}, ${e.reason}): ${e.message}`);
  for (const k of r.skipped) out.push(`${k.source}  ${k.reason === "HelmTemplate" ? "ERROR" : "skipped"}: ${k.message}`);
  const s = r.summary;
  const verdicts = s.served + s.deprecated + s.notServed + s.unknown;
  out.push("", `${s.objects} objects checked against ${r.targets.map((t) => t.id).join(", ")}, ${verdicts} verdicts: ${s.served} served, ${s.deprecated} deprecated, ${s.notServed} not served, ${s.unknown} unknown, ${s.invalid} invalid, ${s.errors} unreadable documents${fieldCounts(s)}, ${s.skipped} files skipped`);
  return out.join("\n") + "\n";
}

// Plain text for terminals and CI logs: the problems first, as a table with what to use instead,
// then the files left out and the summary. `wide` also lists every served verdict.
import type { CheckResult } from "../result";
import type { CheckRenderOptions } from "./options";
import { findingRows, summaryLine, type FindingRow } from "./rows";

const MARK: Record<FindingRow["level"], string> = { fail: "✗", warn: "!", ok: "✓" };
const HEADER = ["", "LOCATION", "OBJECT", "TARGET", "STATUS", "REPLACEMENT", "DETAIL"];

function table(rows: FindingRow[]): string[] {
  const cells = [HEADER, ...rows.map((r) => [MARK[r.level], r.location, r.object, r.target, r.status, r.replacement, r.detail])];
  const widths = HEADER.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  return cells.map((c) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join("  ").trimEnd());
}

function render(r: CheckResult, opts: CheckRenderOptions, wide: boolean): string {
  const rows = findingRows(r, opts, wide);
  const out = rows.length ? table(rows) : ["No problems: every object is served by every target."];
  for (const k of r.skipped) if (k.reason === "NotKubernetes") out.push(`skipped ${k.source}: ${k.message}`);
  out.push("", summaryLine(r));
  return out.join("\n") + "\n";
}

export function renderCheckText(r: CheckResult, opts: CheckRenderOptions): string {
  return render(r, opts, false);
}

export function renderCheckWide(r: CheckResult, opts: CheckRenderOptions): string {
  return render(r, opts, true);
}

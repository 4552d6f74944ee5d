// Plain text for terminals and CI logs: the problems first, as a table with what to use instead,
// then the files left out and the summary. `wide` also lists every served verdict.
import type { CheckResult } from "../result";
import type { CheckRenderOptions } from "./options";
import { findingRows, summaryLine, type FindingRow } from "./rows";

const MARK: Record<FindingRow["level"], string> = { fail: "✗", warn: "!", ok: "✓" };
const HEADER = ["", "LOCATION", "OBJECT", "TARGET", "STATUS", "REPLACEMENT", "DETAIL"];
const cellsOf = (r: FindingRow) => [MARK[r.level], r.location, r.object, r.target, r.status, r.replacement, r.detail];

/** The table's lines, made one at a time once the column widths are known (10,000 objects make a table of 20 MB). */
function* table(rows: FindingRow[]): Generator<string> {
  const widths = HEADER.map((h) => h.length);
  for (const row of rows) cellsOf(row).forEach((c, i) => { if (c.length > widths[i]!) widths[i] = c.length; });
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join("  ").trimEnd();
  yield line(HEADER);
  for (const row of rows) yield line(cellsOf(row));
}

/** Line by line: the CLI writes them as they come. */
function* render(r: CheckResult, opts: CheckRenderOptions, wide: boolean): Generator<string> {
  const rows = findingRows(r, opts, wide);
  if (rows.length) for (const line of table(rows)) yield `${line}\n`;
  else yield "No problems: every object is served by every target.\n";
  for (const k of r.skipped) if (k.reason === "NotKubernetes") yield `skipped ${k.source}: ${k.message}\n`;
  yield `\n${summaryLine(r)}\n`;
}

export function renderCheckText(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  return render(r, opts, false);
}

export function renderCheckWide(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  return render(r, opts, true);
}

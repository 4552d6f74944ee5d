// A timeline as a table for terminals: per resource, the releases serving it and its lifecycle facts.
import type { APITimeline } from "../timeline";

const span = (first: string | null, last: string | null) => (first === null ? "never" : first === last ? first : `${first}–${last}`);

export function renderTimelineText(t: APITimeline): string {
  const rows = [["GROUP/VERSION", "KIND", "SERVED", "NOT SERVED FROM", "DEPRECATED", "REMOVED", "REPLACEMENT"]];
  for (const v of t.versions) {
    for (const r of v.resources) {
      const life = r.lifecycle;
      const replacement = life?.replacement ? `${life.replacement.group ? `${life.replacement.group}/` : ""}${life.replacement.version} ${life.replacement.kind}` : "-";
      rows.push([v.groupVersion, r.kind, span(r.firstServed, r.lastServed), r.notServedFrom ?? "-", life?.deprecated ?? "-", life?.removed ?? "-", replacement]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const table = rows.map((r) => r.map((x, i) => x.padEnd(widths[i]!)).join("  ").trimEnd());
  const releases = t.releases.length ? `${t.releases[0]}–${t.releases.at(-1)}` : "none";
  return [`${t.group || "core"}: releases ${releases}`, ...table].join("\n") + "\n";
}

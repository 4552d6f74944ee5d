// A field's timeline as text for a terminal (kds timeline … --field).
import type { FieldTimeline } from "./field-timeline";

export function renderFieldTimelineText(t: FieldTimeline): string {
  const lines = [`${t.apiVersion} ${t.objectKind} ${t.field}`];
  if (!t.knownIn.length) return `${lines[0]}\n  in no release from ${t.releases[0]} to ${t.releases.at(-1)}\n`;
  const until = t.notKnownFrom ? `, last in ${t.lastKnown}, gone from ${t.notKnownFrom}` : ", still in the newest release";
  lines.push(`  first in ${t.firstKnown}${t.firstKnown === t.releases[0] ? " (or earlier)" : ""}${until}`);
  lines.push(`  known in: ${t.knownIn.join(", ")}`);
  if (t.gated.length) lines.push(`  feature gates: ${t.gated.map((g) => `${g.release} ${g.gates.join("+")}`).join(", ")}`);
  return lines.join("\n") + "\n";
}

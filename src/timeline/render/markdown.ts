// GitHub-flavoured markdown: one table row per resource of every group/version.
import { code, markdownTable } from "../../render/markdown";
import type { APITimeline, Served } from "../timeline";

/** "1.19–1.21, 1.24" from the releases serving something, in the timeline's release order. */
function releaseRanges(t: APITimeline, s: Served): string {
  if (!s.servedIn.length) return "never served by default";
  const at = s.servedIn.map((id) => t.releases.indexOf(id));
  const runs: string[] = [];
  for (let i = 0; i < at.length; i++) {
    let j = i;
    while (j + 1 < at.length && at[j + 1] === at[j]! + 1) j++;
    runs.push(i === j ? t.releases[at[i]!]! : `${t.releases[at[i]!]}–${t.releases[at[j]!]}`);
    i = j;
  }
  return runs.join(", ");
}

const timelineTitle = (t: APITimeline) => `Timeline of ${t.group || "core"} across ${t.releases[0]} … ${t.releases.at(-1)}`;

export function renderTimelineMarkdown(t: APITimeline): string {
  const rows = t.versions.flatMap((v) => v.resources.map((r) => {
    const l = r.lifecycle;
    const replacement = l?.replacement ? code(`${l.replacement.group ? `${l.replacement.group}/` : ""}${l.replacement.version} ${l.replacement.kind}`) : "";
    return [code(v.groupVersion), r.kind, r.resource ?? "", releaseRanges(t, r), r.notServedFrom ?? "", l?.deprecated ?? "", l?.removed ?? "", replacement];
  }));
  const head = ["API version", "Kind", "Resource", "Served in", "Not served from", "Deprecated", "Removed (lifecycle)", "Replacement"];
  return [`## ${timelineTitle(t)}`, "", ...markdownTable(head, rows), ""].join("\n");
}

// An upgrade's changes grouped by API group, each removal and deprecation with what to use instead.
// Shared by /ui/diff and /embed/diff; the diff itself comes from src/diff.
import { groupVersion, splitGroupVersion } from "../../discovery/model";
import { displayGroup } from "../../diff/group-name";
import type { FieldChange, SnapshotDiff } from "../../diff/types";
import type { ApiRef } from "../../check/result";
import type { LifecycleEntry } from "../../snapshot/lifecycle";

const show = (v: FieldChange["before"]) => (Array.isArray(v) ? (v.length ? v.join(", ") : "none") : String(v));

function Replacement({ use }: { use: ApiRef | undefined }) {
  return use ? <> — use <strong>{use.apiVersion} {use.kind}</strong></> : null;
}

export interface DiffViewProps { diff: SnapshotDiff; deprecations: LifecycleEntry[]; replacements: Map<string, ApiRef>; target?: "_blank" }

export function DiffView({ diff, deprecations, replacements, target }: DiffViewProps) {
  const groupOf = (gv: string) => splitGroupVersion(gv).group;
  const changing = new Set([
    ...diff.groupsAdded, ...diff.groupsRemoved, ...diff.groupVersionsAdded.map(groupOf), ...diff.groupVersionsRemoved.map(groupOf),
    ...diff.preferredVersionChanges.map((p) => p.group), ...diff.resources.map((r) => groupOf(r.groupVersion)), ...deprecations.map((d) => d.group),
  ]);
  // Groups where a side's sources leave a resource open are shown too, with that caveat.
  const groups = [...new Set([...changing, ...diff.unknownResources.map((r) => groupOf(r.groupVersion))])].sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1));
  if (!groups.length) return <p>Nothing changes between {diff.from.id} and {diff.to.id}.</p>;
  const rel = target ? "noopener" : undefined;
  return (
    <>
      <p>{diff.direction === "downgrade" ? "Downgrade" : "Upgrade"} from {diff.from.id} to {diff.to.id}: {changing.size ? `${changing.size} groups change` : "nothing changes"}{diff.unknownResources.length ? `; ${diff.unknownResources.length} ${diff.unknownResources.length === 1 ? "resource is" : "resources are"} not established` : ""}.</p>
      {groups.map((g) => {
        const dep = deprecations.filter((d) => d.group === g);
        const pref = diff.preferredVersionChanges.find((p) => p.group === g);
        return (
          <section>
            <h2><a href={`/ui/matrix?groups=${encodeURIComponent(displayGroup(g))}`} target={target} rel={rel}>{displayGroup(g)}</a>
              {diff.groupsAdded.includes(g) ? <span class="tag">new group</span> : null}{diff.groupsRemoved.includes(g) ? <span class="tag">group removed</span> : null}</h2>
            <ul class="tight">
              {diff.groupVersionsAdded.filter((gv) => groupOf(gv) === g).map((gv) => <li>＋ <strong>{gv}</strong> is served</li>)}
              {diff.groupVersionsRemoved.filter((gv) => groupOf(gv) === g).map((gv) => <li>✕ <strong>{gv}</strong> is no longer served</li>)}
              {pref ? <li>preferred version {pref.before} → <strong>{pref.after}</strong></li> : null}
              {diff.resources.filter((r) => groupOf(r.groupVersion) === g).flatMap((r) => [
                ...r.added.map((a) => <li>＋ {r.groupVersion} <strong>{a.kind}</strong> ({a.resource}) added</li>),
                ...r.removed.map((a) => (
                  <li>✕ {r.groupVersion} <strong>{a.kind}</strong> ({a.resource}) removed
                    <Replacement use={replacements.get(`${r.groupVersion} ${a.kind}`)} /></li>
                )),
                ...r.changed.map((ch) => <li>~ {r.groupVersion} <strong>{ch.kind}</strong>: {ch.changes.map((f) => `${f.field} ${show(f.before)} → ${show(f.after)}`).join("; ")}</li>),
              ])}
              {dep.map((d) => (
                <li>! {groupVersion(d.group, d.version)} <strong>{d.kind}</strong> deprecated in {d.deprecated}{d.removed ? `, removal planned in ${d.removed}` : ""}<Replacement use={replacements.get(`${groupVersion(d.group, d.version)} ${d.kind}`)} /></li>
              ))}
              {diff.unknownResources.filter((r) => groupOf(r.groupVersion) === g).map((r) => (
                <li>? {r.groupVersion} <strong>{r.kind}</strong> ({r.resource}): whether {r.snapshot} serves it is not established — {r.reason}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

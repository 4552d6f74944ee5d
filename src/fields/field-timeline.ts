// One field's timeline: the releases whose k8s.io/api has it, and the feature gates that mark it.
import * as z from "zod";
import type { SnapshotSource } from "../diff/snapshot-index";
import type { ReleaseHistory } from "../timeline/history";
import { fieldKindKey, type FieldIndex, type FieldNode } from "./field-index";

export const FieldTimeline = z.object({
  kind: z.literal("FieldTimeline"),
  apiVersion: z.string(),
  objectKind: z.string(),
  /** In the reference's notation: list indexes read as "[]" ("spec.containers[].resizePolicy"). */
  field: z.string(),
  /** The releases the timeline covers, oldest first. */
  releases: z.array(z.string()),
  knownIn: z.array(z.string()),
  firstKnown: z.string().nullable(),
  lastKnown: z.string().nullable(),
  /** The first release after lastKnown without it (null while every later release has it). */
  notKnownFrom: z.string().nullable(),
  /** Releases whose k8s.io/api marks the field with +featureGate, and the gates. */
  gated: z.array(z.object({ release: z.string(), gates: z.array(z.string()) }).strict()),
}).strict();
export type FieldTimeline = z.infer<typeof FieldTimeline>;

/** A field path as people write it: JSON names joined with ".", list indexes ("[0]" or "[]") and map markers ("{}"). */
export const FieldPath = z.string().max(512).regex(/^[A-Za-z0-9_$-]+(\[\d*\]|\{\})*(\.[A-Za-z0-9_$-]+(\[\d*\]|\{\})*)*$/, "a field path such as spec.template.spec.containers[].resizePolicy");

/** "spec.containers[0].ports[1].name" -> "spec.containers[].ports[].name". */
export function fieldPathOf(path: string): string {
  return path.replace(/\[\d+\]/g, "[]");
}

/** The node of `path` in a release's tree of `kind`, or null when the release does not have the field. */
export function lookupField(index: FieldIndex, kind: string, path: string): FieldNode | null {
  const root = index.kinds[kind];
  if (root === undefined) return null;
  let id: number = root;
  let field: FieldNode | null = null;
  for (const segment of path.split(".")) {
    const m = /^([^[{]+)((?:\[\]|\{\})*)$/.exec(segment);
    const fields: Record<string, number> | undefined = index.nodes[id]!.f;
    if (!m || !fields || !Object.hasOwn(fields, m[1]!)) return null;
    id = fields[m[1]!]!;
    const node: FieldNode = index.nodes[id]!;
    if (node.r) return null;
    field = node;
    for (const marker of m[2]!.match(/\[\]|\{\}/g) ?? []) {
      const next: number | undefined = marker === "[]" ? index.nodes[id]!.l : index.nodes[id]!.m;
      if (next === undefined) return null;
      id = next;
    }
  }
  return field;
}

export async function fieldTimeline(source: SnapshotSource, history: ReleaseHistory, apiVersion: string, kind: string, path: string): Promise<FieldTimeline> {
  const field = fieldPathOf(path);
  const key = fieldKindKey(apiVersion, kind);
  const knownIn: string[] = [];
  const gated: FieldTimeline["gated"] = [];
  for (const id of history.releases) {
    const index = await source.fields(id);
    const node = index && lookupField(index, key, field);
    if (!node) continue;
    knownIn.push(id);
    if (node.g) gated.push({ release: id, gates: node.g });
  }
  const last = knownIn.at(-1) ?? null;
  const notKnownFrom = last === null ? null : history.releases[history.releases.indexOf(last) + 1] ?? null;
  return { kind: "FieldTimeline", apiVersion, objectKind: kind, field, releases: history.releases, knownIn, firstKnown: knownIn[0] ?? null, lastKnown: last, notKnownFrom, gated };
}

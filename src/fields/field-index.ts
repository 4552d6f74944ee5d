// One release's field index: for every group/version/Kind the release's k8s.io/api has, the tree of
// JSON fields it knows, plus one level of fields it does not know that other releases do. Built from
// the reference's field-trees by src/build/fields; read by check, diff and timeline (worker and CLI).
//
// Compact: identical subtrees (a PodSpec under Pod, Deployment, Job, …) are stored once in `nodes`
// and referred to by number.
import * as z from "zod";

/** Inclusive runs of minors, ["1.27", "1.37"]. */
export const ReleaseRuns = z.array(z.tuple([z.string(), z.string()])).min(1);
export type ReleaseRuns = z.infer<typeof ReleaseRuns>;

export const FieldNode = z.object({
  /** A struct: its fields by JSON name -> node number. */
  f: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** A list: its element's node. */
  l: z.number().int().nonnegative().optional(),
  /** A map (keys are values, not fields): its value's node. */
  m: z.number().int().nonnegative().optional(),
  /** Present only on a field this release lacks: the releases that have it (its subtree is not stored). */
  r: ReleaseRuns.optional(),
  /** Feature gates that k8s.io/api of this release marks the field with (`+featureGate=`). */
  g: z.array(z.string()).min(1).optional(),
}).strict();
export type FieldNode = z.infer<typeof FieldNode>;

export const FieldIndex = z.object({
  kind: z.literal("FieldIndex"),
  /** The minor release the index describes. */
  release: z.string(),
  /** "apps/v1/Deployment" (core group: "v1/Pod") -> the node of the object's root. */
  kinds: z.record(z.string(), z.number().int().nonnegative()),
  nodes: z.array(FieldNode),
}).strict();
export type FieldIndex = z.infer<typeof FieldIndex>;

/** The key of a kind in `kinds`, from an object's apiVersion and kind. */
export function fieldKindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/** A leaf whose content is not fields: a scalar, or a free-form object (RawExtension, FieldsV1, an empty struct). */
export function isLeaf(n: FieldNode): boolean {
  return n.f === undefined && n.l === undefined && n.m === undefined;
}

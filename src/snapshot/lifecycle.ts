// Lifecycle facts of built-in API kinds (introduced / deprecated / removed / replacement),
// compiled by the snapshot build from k8s.io/api's prerelease-lifecycle markers (and Pluto for
// groups k8s.io/api does not define). Written to snapshots/lifecycle.json; read by timelines and checks.
import * as z from "zod";
import { MINOR } from "./manifest";

/** How an entry's source names Pluto's table, alone (groups outside k8s.io/api) or after k8s.io/api for the facts Pluto filled. */
export const PLUTO_SOURCE = "pluto versions.yaml";

const GroupVersionKind = z.object({ group: z.string(), version: z.string(), kind: z.string() }).strict();

export const LifecycleEntry = z.object({
  group: z.string(),
  version: z.string(),
  kind: z.string(),
  /** Plural resource name where a snapshot or the reference names it, else null. */
  resource: z.string().nullable(),
  introduced: z.string().regex(MINOR).nullable(),
  deprecated: z.string().regex(MINOR).nullable(),
  removed: z.string().regex(MINOR).nullable(),
  replacement: GroupVersionKind.nullable(),
  /** Replacements that earlier releases' k8s.io/api named instead (newest first): what an older target can use
   * when the current replacement did not exist yet (autoscaling/v2beta1 -> v2beta2 before autoscaling/v2). */
  earlierReplacements: z.array(GroupVersionKind),
  /** Releases (minors) whose k8s.io/api has the kind but whose default kube-apiserver does not serve it:
   * alpha, or beta under KEP-3136; a cluster serves it only with --runtime-config=<group/version>=true. */
  offByDefaultIn: z.array(z.string().regex(MINOR)),
  /** Where the facts come from, e.g. "k8s.io/api v0.36.0 lifecycleFunctions" or "pluto versions.yaml". */
  source: z.string(),
}).strict();
export type LifecycleEntry = z.infer<typeof LifecycleEntry>;

export const LifecycleTable = z.object({
  kind: z.literal("LifecycleTable"),
  entries: z.array(LifecycleEntry),
  /** Disagreements between Pluto's table and k8s.io/api markers or captures (the latter win). */
  disagreements: z.array(z.object({ group: z.string(), version: z.string(), kind: z.string(), field: z.string(), pluto: z.string().nullable(), reference: z.string().nullable(), source: z.string() }).strict()),
}).strict();
export type LifecycleTable = z.infer<typeof LifecycleTable>;

// The typed result of comparing two snapshots. Also the JSON the HTTP API answers, so the
// CLI validates a remote answer with the same schema before rendering it.
import * as z from "zod";
import { KindFieldChanges } from "../fields/field-diff";
import { UnknownResource } from "../snapshot/unknown-resources";
import { SnapshotRef } from "./snapshot-index";

export const RESOURCE_FIELDS = ["kind", "namespaced", "verbs", "shortNames", "categories", "subresources"] as const;
export const ResourceField = z.enum(RESOURCE_FIELDS);
export type ResourceField = z.infer<typeof ResourceField>;

const FieldValue = z.union([z.string(), z.boolean(), z.array(z.string())]);
export const FieldChange = z.object({ field: ResourceField, before: FieldValue, after: FieldValue }).strict();
export type FieldChange = z.infer<typeof FieldChange>;

export const ResourceSummary = z.object({ resource: z.string(), kind: z.string() }).strict();
export type ResourceSummary = z.infer<typeof ResourceSummary>;

export const ResourceChange = z.object({ resource: z.string(), kind: z.string(), changes: z.array(FieldChange).min(1) }).strict();
export type ResourceChange = z.infer<typeof ResourceChange>;

/** Resource changes within one group/version (all resources added or removed when the group/version itself is). */
export const GroupVersionChanges = z.object({
  groupVersion: z.string(),
  added: z.array(ResourceSummary),
  removed: z.array(ResourceSummary),
  changed: z.array(ResourceChange),
}).strict();
export type GroupVersionChanges = z.infer<typeof GroupVersionChanges>;

export const PreferredVersionChange = z.object({ group: z.string(), before: z.string(), after: z.string() }).strict();
export type PreferredVersionChange = z.infer<typeof PreferredVersionChange>;

export const SnapshotDiff = z.object({
  kind: z.literal("SnapshotDiff"),
  from: SnapshotRef,
  to: SnapshotRef,
  /** By Kubernetes minor: a `from` later than `to` reads as a downgrade. */
  direction: z.enum(["upgrade", "downgrade", "same-version"]),
  /** The group the diff is narrowed to ("" is the core group), or null for all groups. */
  group: z.string().nullable(),
  groupsAdded: z.array(z.string()),
  groupsRemoved: z.array(z.string()),
  groupVersionsAdded: z.array(z.string()),
  groupVersionsRemoved: z.array(z.string()),
  preferredVersionChanges: z.array(PreferredVersionChange),
  resources: z.array(GroupVersionChanges),
  /** Resources that either snapshot's sources leave open (within the group, when narrowed): not in the changes above, whatever the truth is. */
  unknownResources: z.array(UnknownResource.extend({ snapshot: z.string() }).strict()).default([]), // absent from an older server's answer
  /** Asked for with --fields / fields=true: per kind both releases have, the fields added and removed. */
  fields: z.array(KindFieldChanges).optional(),
}).strict();
export type SnapshotDiff = z.infer<typeof SnapshotDiff>;

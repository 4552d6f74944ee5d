// The result of a compatibility check, as POST /v1/check answers it and `kds check -o json` prints it.
import { z } from "zod";
import { SnapshotRef } from "../diff/snapshot-index";
import { ManifestError, ManifestObject } from "./manifest-object";

export const VERDICT_STATUSES = ["served", "deprecated", "not-served", "unknown"] as const;
export const VerdictStatus = z.enum(VERDICT_STATUSES);
export type VerdictStatus = z.infer<typeof VerdictStatus>;

export const ApiRef = z.object({ apiVersion: z.string(), kind: z.string() }).strict();
export type ApiRef = z.infer<typeof ApiRef>;

export const Verdict = z.object({
  target: z.string(),
  status: VerdictStatus,
  /** One sentence a person can act on. */
  message: z.string(),
  deprecatedIn: z.string().nullable(),
  /** Not served: the first release that stopped serving it (from the snapshots, else the lifecycle facts). Deprecated: the planned removal. */
  removedIn: z.string().nullable(),
  lastServedIn: z.string().nullable(),
  /** Not served yet: the first release that serves it. */
  firstServedIn: z.string().nullable(),
  replacement: ApiRef.nullable(),
  /** The lifecycle facts from k8s.io/api markers, shown alongside what the snapshots say. */
  lifecycle: z.object({ deprecated: z.string().nullable(), removed: z.string().nullable(), source: z.string() }).strict().nullable(),
}).strict();
export type Verdict = z.infer<typeof Verdict>;

export const CheckedObject = ManifestObject.extend({ verdicts: z.array(Verdict) }).strict();
export type CheckedObject = z.infer<typeof CheckedObject>;

export const CheckSummary = z.object({
  objects: z.number().int(),
  served: z.number().int(),
  deprecated: z.number().int(),
  notServed: z.number().int(),
  unknown: z.number().int(),
  /** Objects that cannot be checked (no apiVersion or kind). */
  invalid: z.number().int(),
  /** Documents that could not be read. */
  errors: z.number().int(),
}).strict();
export type CheckSummary = z.infer<typeof CheckSummary>;

export const CheckResult = z.object({
  kind: z.literal("CheckResult"),
  targets: z.array(SnapshotRef).min(1),
  objects: z.array(CheckedObject),
  errors: z.array(ManifestError),
  summary: CheckSummary,
}).strict();
export type CheckResult = z.infer<typeof CheckResult>;

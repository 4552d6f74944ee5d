// The result of a compatibility check, as POST /v1/check answers it and `kds check -o json` prints it.
import * as z from "zod";
import { SnapshotRef } from "../diff/snapshot-index";
import { ManifestError, ManifestObject } from "./manifest-object";

export const VERDICT_STATUSES = ["served", "deprecated", "not-served", "unknown"] as const;
export const VerdictStatus = z.enum(VERDICT_STATUSES);
export type VerdictStatus = z.infer<typeof VerdictStatus>;

/** Why a verdict is not served, or unknown. */
export const VerdictReason = z.enum([
  /** Nothing up to the target release has it; firstServedIn names the first release serving it by default. */
  "not-yet-served",
  /** The target's k8s.io/api has it, but a default apiserver leaves it off (alpha, or beta from 1.24). */
  "off-by-default",
  /** A release snapshot stopped serving it (removedIn), or k8s.io/api's lifecycle removed it before the bundled releases. */
  "removed",
  /** None of the above is known (for example a payload kind that is never a resource). */
  "not-served",
  /** A CustomResourceDefinition of the input defines the kind but does not serve this version. */
  "not-served-by-definition",
  /** Unknown: a group no release or lifecycle fact knows, so presumably a custom resource. */
  "custom-resource",
  /** Unknown: a configuration file a component reads (kubeadm, kubelet, audit policy …), never served. */
  "config-file",
  /** Unknown: a group an add-on serves through the aggregation layer (metrics.k8s.io …). */
  "add-on-api",
  /** Unknown: the target snapshot's sources do not settle whether it serves the kind (its manifest's unknown says why). */
  "not-established",
]);

export const ApiRef = z.object({ apiVersion: z.string(), kind: z.string() }).strict();
export type ApiRef = z.infer<typeof ApiRef>;

export const Verdict = z.object({
  target: z.string(),
  status: VerdictStatus,
  /** Not served or unknown: why; null for served and deprecated. */
  reason: VerdictReason.nullable(),
  /** One sentence a person can act on. */
  message: z.string(),
  deprecatedIn: z.string().nullable(),
  /** Not served: the first release that stopped serving it (from the snapshots, else the lifecycle facts when that is before them). Deprecated: the lifecycle's removal release. */
  removedIn: z.string().nullable(),
  lastServedIn: z.string().nullable(),
  /** Not served yet or off by default: the first release that serves it by default. */
  firstServedIn: z.string().nullable(),
  /** What to use instead: always one the target serves; null when the target serves none. */
  replacement: ApiRef.nullable(),
  /** The lifecycle facts from k8s.io/api markers, shown alongside what the snapshots say. */
  lifecycle: z.object({ deprecated: z.string().nullable(), removed: z.string().nullable(), source: z.string() }).strict().nullable(),
}).strict();
export type Verdict = z.infer<typeof Verdict>;

export const FIELD_STATUSES = ["unknown-field", "gated-field"] as const;
export const FieldStatus = z.enum(FIELD_STATUSES);
export type FieldStatus = z.infer<typeof FieldStatus>;

/** One field of an object that a target does not know, or knows only behind feature gates. */
export const FieldFinding = z.object({
  target: z.string(),
  status: FieldStatus,
  /** With list indexes: "spec.template.spec.containers[0].resizePolicy". */
  path: z.string(),
  /** 1-based line of the field in its source. */
  line: z.number().int().positive(),
  /** Unknown field: the first release after the target that knows it, else null. */
  firstKnownIn: z.string().nullable(),
  /** Unknown field: the releases whose k8s.io/api has it ([] when none, or for a custom resource). */
  knownIn: z.array(z.tuple([z.string(), z.string()])),
  /** Gated field: the feature gates k8s.io/api of the target marks it with. */
  gates: z.array(z.string()),
  /** One sentence a person can act on. */
  message: z.string(),
}).strict();
export type FieldFinding = z.infer<typeof FieldFinding>;

export const CheckedObject = ManifestObject.extend({ verdicts: z.array(Verdict), fields: z.array(FieldFinding) }).strict();
export type CheckedObject = z.infer<typeof CheckedObject>;

export const CheckSummary = z.object({
  objects: z.number().int(),
  served: z.number().int(),
  deprecated: z.number().int(),
  notServed: z.number().int(),
  unknown: z.number().int(),
  unknownFields: z.number().int(),
  gatedFields: z.number().int(),
  /** Objects that cannot be checked (no apiVersion or kind). */
  invalid: z.number().int(),
  /** Documents that could not be read. */
  errors: z.number().int(),
  /** Inputs left out: files of a folder that hold no Kubernetes object, unrendered Helm templates. */
  skipped: z.number().int(),
}).strict();
export type CheckSummary = z.infer<typeof CheckSummary>;

/** An input that was not checked, and why (one line for a person). */
export const SkippedInput = z.object({
  source: z.string(),
  /** NotKubernetes: a file in a folder with no Kubernetes object (values.yaml, Chart.yaml, a dashboard); HelmTemplate: {{ … }} not rendered. */
  reason: z.enum(["NotKubernetes", "HelmTemplate"]),
  message: z.string(),
}).strict();
export type SkippedInput = z.infer<typeof SkippedInput>;

export const CheckResult = z.object({
  kind: z.literal("CheckResult"),
  /** In rendered json and yaml answers: whether the run passes (exit 0), honouring fail-on. */
  passed: z.boolean().optional(),
  targets: z.array(SnapshotRef).min(1),
  objects: z.array(CheckedObject),
  errors: z.array(ManifestError),
  skipped: z.array(SkippedInput),
  summary: CheckSummary,
}).strict();
export type CheckResult = z.infer<typeof CheckResult>;

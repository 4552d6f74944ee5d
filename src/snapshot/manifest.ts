// The manifest of a snapshot: identity, provenance, unknown fields and a content hash per document.
import * as z from "zod";
import { AggregatedForm } from "../discovery/types";

export const SNAPSHOT_ID = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;
export const MINOR = /^1\.[0-9]{1,3}$/;

export const DocumentEntry = z.object({
  path: z.string().startsWith("/"),
  form: z.enum(["legacy", "v2", "v2beta1"]),
  file: z.string(),
  /** sha256 (hex) of the wire bytes: compact JSON plus "\n", as the apiserver sends it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
}).strict();
export type DocumentEntry = z.infer<typeof DocumentEntry>;

export const SourceFile = z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export const Unknown = z.object({
  document: z.string(),
  /** A field of the document ("pods.storageVersionHash"), or a resource's plural name where whether the resource is served is itself not established. */
  field: z.string(),
  /** Set on an entry that is a whole resource: its kind (what a check of an object of that kind looks up). */
  kind: z.string().optional(),
  reason: z.string(),
}).strict();
export type Unknown = z.infer<typeof Unknown>;

export const BuiltProvenance = z.object({
  kind: z.literal("built"),
  builder: z.string(),
  /** Reference files the build read, with their hashes, so a rebuild can be checked. */
  sources: z.array(SourceFile),
  /** Ids of the rules-table rows the build applied. */
  rules: z.array(z.string()),
  /** Per document part: where its values came from. */
  parts: z.array(z.object({ part: z.string(), from: z.string() }).strict()),
}).strict();

/** The release's field index (src/fields/field-index.ts): its file in the folder and what it was built from. */
export const FieldIndexEntry = z.object({
  file: z.string(),
  /** sha256 (hex) of the file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  sources: z.array(SourceFile),
  from: z.string(),
}).strict();
export type FieldIndexEntry = z.infer<typeof FieldIndexEntry>;

export const CapturedProvenance = z.object({
  kind: z.literal("captured"),
  server: z.string(),
  capturedAt: z.string(),
  client: z.string(),
}).strict();

export const Manifest = z.object({
  id: z.string().regex(SNAPSHOT_ID),
  kubernetesVersion: z.string().regex(MINOR),
  /** Full release described, e.g. "v1.29.2"; null when unknown. */
  gitVersion: z.string().regex(/^v1\.[0-9]+\.[0-9]+/).nullable(),
  aggregatedDiscovery: z.array(AggregatedForm),
  provenance: z.discriminatedUnion("kind", [BuiltProvenance, CapturedProvenance]),
  unknown: z.array(Unknown),
  /** Values the build filled by inference rather than from a source, with the reasoning. */
  inferred: z.array(Unknown).optional(),
  notes: z.array(z.string()),
  documents: z.array(DocumentEntry).min(1),
  /** Built releases carry a field index; captured clusters do not. */
  fields: FieldIndexEntry.optional(),
}).strict();
export type Manifest = z.infer<typeof Manifest>;

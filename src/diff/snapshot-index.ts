// A snapshot's compact index: its identity plus the discovery model read from its legacy
// documents. Diffs, timelines and checks are pure functions of these, in the worker and the CLI.
import * as z from "zod";
import { MINOR, SNAPSHOT_ID } from "../snapshot/manifest";
import type { GroupModel } from "../discovery/model";
import type { LoadedSnapshot } from "../snapshot/fs";
import type { LifecycleTable } from "../snapshot/lifecycle";
import type { FieldIndex } from "../fields/field-index";
import { modelOfDocuments } from "../snapshot/model";
import { unknownResourcesOf, type UnknownResource } from "../snapshot/unknown-resources";

export interface SnapshotIndex {
  id: string;
  /** Minor release the snapshot describes ("1.29"), also for captured clusters. */
  kubernetesVersion: string;
  groups: GroupModel[];
  /** Resources whose presence the snapshot's sources do not settle (its manifest's unknown). */
  unknownResources: UnknownResource[];
}

export const SnapshotRef = z.object({ id: z.string().regex(SNAPSHOT_ID), kubernetesVersion: z.string().regex(MINOR) }).strict();
export type SnapshotRef = z.infer<typeof SnapshotRef>;

export interface SnapshotEntry extends SnapshotRef {
  /** Built releases form the release history; captured clusters are only diff and check targets. */
  provenance: "built" | "captured";
  /** Full release described, e.g. "v1.29.2"; null when unknown. */
  gitVersion: string | null;
}

/** Where diffs, timelines and checks get snapshots from: a folder (CLI) or Workers KV (worker). */
export interface SnapshotSource {
  list(): Promise<SnapshotEntry[]>;
  /** The index of a listed snapshot. */
  index(id: string): Promise<SnapshotIndex>;
  lifecycle(): Promise<LifecycleTable>;
  /** The field index of a listed snapshot; null when it has none (captured clusters). */
  fields(id: string): Promise<FieldIndex | null>;
}

export function refOf(s: SnapshotIndex): SnapshotRef {
  return { id: s.id, kubernetesVersion: s.kubernetesVersion };
}

/** The index of a loaded snapshot folder (also what the KV seeder stores under index/<id>). */
export function indexOfSnapshot(snap: Pick<LoadedSnapshot, "manifest" | "documents">): SnapshotIndex {
  return { id: snap.manifest.id, kubernetesVersion: snap.manifest.kubernetesVersion, groups: modelOfDocuments(snap.documents), unknownResources: unknownResourcesOf(snap.manifest) };
}

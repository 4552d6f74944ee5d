// The whole build: reference -> lifecycle table + one snapshot per release.
import type { SnapshotDocument } from "../snapshot/fs";
import type { Manifest } from "../snapshot/manifest";
import type { LifecycleTable } from "../snapshot/lifecycle";
import { assembleRelease } from "./assemble";
import { ResourceDetails } from "./details";
import { compileLifecycle, recordOffByDefault } from "./lifecycle";
import type { Reference } from "./reference";
import { decideServed, deriveDefaultOnBetas, type Decision } from "./served";
import { snapshotFor } from "./snapshot";
import { minorNumber } from "./versions";

export const FIRST_MINOR = 19;

export interface BuiltSnapshot { minor: string; manifest: Omit<Manifest, "documents">; docs: SnapshotDocument[]; decisions: Decision[] }
export interface BuildResult { lifecycle: LifecycleTable; snapshots: BuiltSnapshot[]; defaultOnBetas: Map<string, string> }

export function buildAll(ref: Reference): BuildResult {
  const details = new ResourceDetails(ref);
  const life = compileLifecycle(ref, (g, k) => details.resourceName(g, k));
  const defaultOnBetas = deriveDefaultOnBetas(ref, life);
  const minors = [...ref.api.keys()].filter((m) => minorNumber(m) >= FIRST_MINOR);
  const snapshots = minors.map((minor) => {
    const decisions = decideServed(ref, details, life, defaultOnBetas, minor);
    recordOffByDefault(life, minor, decisions);
    const release = assembleRelease(ref, details, life, minor, decisions);
    return { minor, decisions, ...snapshotFor(ref, minor, release, ref.sources) };
  });
  return { lifecycle: life.table, snapshots, defaultOnBetas };
}

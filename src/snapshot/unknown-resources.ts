// Resources whose presence in a snapshot its sources do not settle (a release built from a
// pre-release tag, where later public facts say the release may serve more): the manifest lists
// them under unknown with their kind. Checks answer "unknown" for them, and diffs name them beside
// the changes, instead of reading the snapshot's silence as "not served".
import * as z from "zod";
import { groupVersionOfPath } from "./documents";
import type { Manifest } from "./manifest";

export const UnknownResource = z.object({
  groupVersion: z.string(),
  /** Plural name, as in the group-version's APIResourceList. */
  resource: z.string(),
  kind: z.string(),
  /** Why it is not established, with the sources (the manifest's words). */
  reason: z.string(),
}).strict();
export type UnknownResource = z.infer<typeof UnknownResource>;

export function unknownResourcesOf(manifest: Pick<Manifest, "unknown">): UnknownResource[] {
  return manifest.unknown.flatMap(({ document, field, kind, reason }) => {
    const groupVersion = groupVersionOfPath(document);
    return kind !== undefined && groupVersion !== null ? [{ groupVersion, resource: field, kind, reason }] : [];
  });
}

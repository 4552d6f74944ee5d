// CustomResourceDefinitions given apart from the manifests (`kds check --crds`, the `crds` files of a
// POST /v1/check form): installed in every target, never checked themselves. The CLI and the worker
// read them the same way, so an offline and a --server check agree.
import { readManifests, type ManifestInput } from "./check";
import type { CustomResourceDefinitionFacts } from "./custom-resources";

/** The multipart/form-data field of POST /v1/check whose files are such definitions (`-F crds=@crds.yaml`). */
export const CRDS_FIELD = "crds";

/** The definitions in `inputs`, or why they cannot be used (a document that does not parse, or no CRD at all). */
export function installedDefinitions(inputs: ManifestInput[]): CustomResourceDefinitionFacts[] | string {
  const given = readManifests(inputs);
  const bad = given.errors[0];
  if (bad) return `${bad.source}:${bad.line}:${bad.column}: ${bad.message}`;
  if (!given.definitions.length) return `no CustomResourceDefinition found in ${inputs.map((i) => i.source).join(", ")}`;
  return given.definitions;
}

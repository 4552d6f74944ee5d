// The field index file of one release and its manifest entry (file, hash, sources).
import type { FieldIndexEntry, Unknown } from "../../snapshot/manifest";
import { byteLength, sha256Hex, toWire } from "../../snapshot/wire";
import { buildFieldIndex, type FieldTries } from "./build-field-index";
import type { FieldTrees } from "./field-trees";

export const FIELD_INDEX_FILE = "fields.json";

const FROM = "field-trees/fields.json (paths and the releases that have them), field-trees/feature-gates.json (this release's +featureGate markers), "
  + "field-trees/provenance.json omittedByGenerator (real fields the fixtures cannot show, added as known)";

/** What the field index cannot say, for the manifest's `unknown`. */
export const FIELD_INDEX_UNKNOWN: Unknown[] = [
  { document: FIELD_INDEX_FILE, field: "feature gate defaults", reason: "the reference records which feature gates mark a field, not whether a gate is on by default in this release" },
  { document: FIELD_INDEX_FILE, field: "kinds without a round-trip fixture", reason: "kinds outside k8s.io/api (CustomResourceDefinition, APIService) have no field tree in the reference" },
];

export async function fieldIndexFile(tries: FieldTries, trees: FieldTrees, release: string): Promise<{ entry: FieldIndexEntry; text: string }> {
  // Compact, not pretty-printed: a data file of node numbers that nobody reviews by eye.
  const text = toWire(buildFieldIndex(tries, trees, release));
  return { text, entry: { file: FIELD_INDEX_FILE, sha256: await sha256Hex(text), bytes: byteLength(text), sources: trees.sources, from: FROM } };
}

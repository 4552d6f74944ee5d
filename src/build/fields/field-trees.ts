// Loads the reference's field-trees/ (fields.json, feature-gates.json and the omittedByGenerator
// list of provenance.json) through zod, with the sha256 of every file read.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { ReleaseRuns } from "../../fields/field-index";

const PathFacts = z.object({ type: z.string(), releases: ReleaseRuns, goType: z.string().optional(), notInFixture: ReleaseRuns.optional() }).strict();
const Fields = z.record(z.string(), z.record(z.string(), PathFacts));
const FeatureGates = z.record(z.string(), z.record(z.string(), z.array(z.string()).min(1)));
const Provenance = z.object({
  omittedByGenerator: z.object({ paths: z.record(z.string(), z.object({ releases: ReleaseRuns }).passthrough()) }).passthrough(),
}).passthrough();

export interface FieldTrees {
  /** "apps/v1/Deployment" -> path -> releases. */
  fields: Map<string, Map<string, ReleaseRuns>>;
  /** minor -> "apps/v1/Deployment" -> path -> gates. */
  gates: Map<string, Map<string, Map<string, string[]>>>;
  /** Real fields the reference's generator cannot show: "apps/v1/StatefulSet" -> path -> releases. */
  omitted: Map<string, Map<string, ReleaseRuns>>;
  sources: { file: string; sha256: string }[];
}

/** "apps/v1/StatefulSet spec.volumeClaimTemplates[].kind" -> ["apps/v1/StatefulSet", "spec.volumeClaimTemplates[].kind"]. */
function splitKindPath(key: string): [string, string] {
  const at = key.indexOf(" ");
  if (at < 0) throw new Error(`field-trees: "${key}" is not "<group/version/Kind> <path>"`);
  return [key.slice(0, at), key.slice(at + 1)];
}

function addTo<T>(map: Map<string, Map<string, T>>, kind: string, path: string, value: T) {
  if (!map.has(kind)) map.set(kind, new Map());
  map.get(kind)!.set(path, value);
}

export function loadFieldTrees(referenceDir: string): FieldTrees {
  const sources: FieldTrees["sources"] = [];
  const json = <T>(file: string, schema: z.ZodType<T>): T => {
    const text = readFileSync(join(referenceDir, file), "utf8");
    sources.push({ file, sha256: createHash("sha256").update(text).digest("hex") });
    const result = schema.safeParse(JSON.parse(text));
    if (!result.success) throw new Error(`${file}: ${result.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return result.data;
  };
  const fields = new Map<string, Map<string, ReleaseRuns>>();
  for (const [kind, paths] of Object.entries(json("field-trees/fields.json", Fields))) {
    fields.set(kind, new Map(Object.entries(paths).map(([p, facts]) => [p, facts.releases])));
  }
  const gates = new Map<string, Map<string, Map<string, string[]>>>();
  for (const [minor, marked] of Object.entries(json("field-trees/feature-gates.json", FeatureGates))) {
    const perKind = new Map<string, Map<string, string[]>>();
    for (const [key, names] of Object.entries(marked)) addTo(perKind, ...splitKindPath(key), names);
    gates.set(minor, perKind);
  }
  const omitted = new Map<string, Map<string, ReleaseRuns>>();
  for (const [key, facts] of Object.entries(json("field-trees/provenance.json", Provenance).omittedByGenerator.paths)) {
    addTo(omitted, ...splitKindPath(key), facts.releases);
  }
  return { fields, gates, omitted, sources };
}

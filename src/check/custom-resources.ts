// CustomResourceDefinitions found in the input (or given with `kds check --crds`): a cluster that
// installs them serves their kinds at the versions marked served, whatever its release.
import { compareKubeAwareVersions } from "../build/versions";
import { isRecord } from "../lib/is-record";

export interface CustomResourceDefinitionFacts {
  /** metadata.name, "<plural>.<group>". */
  name: string;
  /** Where the definition was read ("crds/widget.yaml"). */
  source: string;
  group: string;
  kind: string;
  /** schema: the version's openAPIV3Schema (v1beta1: the CRD-wide spec.validation one), null when none. */
  versions: { name: string; served: boolean; schema: unknown }[];
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);

/** The facts of a CustomResourceDefinition object (apiextensions.k8s.io v1 or v1beta1), or null for any other object. */
export function definitionOf(value: unknown, source: string): CustomResourceDefinitionFacts | null {
  if (!isRecord(value) || value.kind !== "CustomResourceDefinition" || typeof value.apiVersion !== "string" || !value.apiVersion.startsWith("apiextensions.k8s.io/")) return null;
  const spec = isRecord(value.spec) ? value.spec : {};
  const group = text(spec.group), kind = isRecord(spec.names) ? text(spec.names.kind) : null;
  if (!group || !kind) return null;
  const listed = Array.isArray(spec.versions) ? spec.versions.filter(isRecord) : [];
  const schemaIn = (holder: unknown) => (isRecord(holder) && isRecord(holder.openAPIV3Schema) ? holder.openAPIV3Schema : null);
  const shared = schemaIn(spec.validation);
  // v1beta1 also allowed a single spec.version, served.
  const versions = listed.length
    ? listed.flatMap((v) => (text(v.name) ? [{ name: v.name as string, served: v.served === true, schema: schemaIn(v.schema) ?? shared }] : []))
    : text(spec.version) ? [{ name: spec.version as string, served: true, schema: shared }] : [];
  const meta = isRecord(value.metadata) ? value.metadata : {};
  return { name: text(meta.name) ?? `${group}/${kind}`, source, group, kind, versions };
}

export interface DefinedVerdict {
  served: boolean;
  /** The definitions of group and kind, named for the message. */
  by: string;
  /** Versions the definitions serve, highest first. */
  servedVersions: string[];
  /** The version is listed but has served: false. */
  listedUnserved: boolean;
}

/** What the definitions say about group/version/kind, or null when none defines the kind. */
export function definedVerdict(definitions: CustomResourceDefinitionFacts[], group: string, version: string, kind: string): DefinedVerdict | null {
  const defs = definitions.filter((d) => d.group === group && d.kind === kind);
  if (!defs.length) return null;
  const versions = defs.flatMap((d) => d.versions);
  const servedVersions = [...new Set(versions.filter((v) => v.served).map((v) => v.name))].sort(compareKubeAwareVersions);
  return {
    served: servedVersions.includes(version),
    by: [...new Set(defs.map((d) => `the CustomResourceDefinition ${d.name} (${d.source})`))].join(" and "),
    servedVersions,
    listedUnserved: versions.some((v) => v.name === version && !v.served),
  };
}

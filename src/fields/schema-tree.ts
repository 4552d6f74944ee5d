// A CustomResourceDefinition's openAPIV3Schema read into the field-tree node form, so a custom
// resource's fields are walked like a built-in kind's. The schema is structural (apiextensions
// v1 requires it): fields are `properties`, list elements `items`, map values
// `additionalProperties`; `x-kubernetes-preserve-unknown-fields`, int-or-string and schemas
// without properties are free-form, so nothing below them is reported.
import type { FieldNode } from "./field-index";
import { isRecord } from "../lib/is-record";

export interface SchemaTree { nodes: FieldNode[]; root: number }

/** The tree of a custom resource's schema: apiVersion, kind and metadata are always fields of the root. */
export function schemaTree(schema: unknown): SchemaTree {
  const nodes: FieldNode[] = [];
  const add = (n: FieldNode) => nodes.push(n) - 1;
  const leaf = add({});
  const read = (s: unknown, depth: number): number => {
    // Depth is bounded by the manifest parser's nesting limit already; this keeps a hostile schema finite too.
    if (!isRecord(s) || depth > 64 || s["x-kubernetes-preserve-unknown-fields"] === true || s["x-kubernetes-int-or-string"] === true) return leaf;
    if (s.type === "array") return isRecord(s.items) ? add({ l: read(s.items, depth + 1) }) : leaf;
    const embedded: Record<string, number> = s["x-kubernetes-embedded-resource"] === true ? { apiVersion: leaf, kind: leaf, metadata: leaf } : {};
    if (isRecord(s.properties)) {
      const f: Record<string, number> = { ...embedded };
      for (const [name, p] of Object.entries(s.properties)) f[name] = read(p, depth + 1);
      return add({ f });
    }
    if (isRecord(s.additionalProperties)) return add({ m: read(s.additionalProperties, depth + 1) });
    return leaf;
  };
  const top = read(schema, 0);
  const root = nodes[top]!;
  // The root's metadata is ObjectMeta whatever the schema says; a schema without properties is free-form.
  if (root.f) root.f = { ...root.f, apiVersion: leaf, kind: leaf, metadata: leaf };
  return { nodes, root: top };
}

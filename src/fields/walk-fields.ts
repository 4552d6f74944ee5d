// Walks an object's fields against a field tree (a release's FieldIndex, or a CRD's schema read into
// the same node form) and reports the fields the tree lacks and the fields behind feature gates.
// Map keys (labels, annotations, resource limits) are values, not fields; the root `status` is
// written by controllers, not by manifests, so it is not checked.
import type { FieldNode, ReleaseRuns } from "./field-index";

/** A field name or map key (string), or a list index (number). */
export type FieldStep = string | number;

export interface FieldHit {
  /** "spec.template.spec.containers[0].resizePolicy" */
  path: string;
  steps: FieldStep[];
  /** absent: the tree does not have the field (runs: the releases that do, when known); gated: it has it behind gates. */
  kind: "absent" | "gated";
  runs: ReleaseRuns | null;
  gates: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function pathText(steps: FieldStep[]): string {
  return steps.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

export function walkFields(value: unknown, nodes: readonly FieldNode[], root: number): FieldHit[] {
  const hits: FieldHit[] = [];
  const hit = (steps: FieldStep[], kind: FieldHit["kind"], runs: ReleaseRuns | null, gates: string[]) =>
    hits.push({ path: pathText(steps), steps, kind, runs, gates });
  const walk = (v: unknown, id: number, steps: FieldStep[]) => {
    const n = nodes[id]!;
    if (Array.isArray(v)) {
      // A list where the tree has none is a type error for validation to report, not an unknown field.
      if (n.l !== undefined) v.forEach((item, i) => walk(item, n.l!, [...steps, i]));
      return;
    }
    if (!isRecord(v)) return;
    if (n.m !== undefined) {
      for (const [key, item] of Object.entries(v)) walk(item, n.m, [...steps, key]);
      return;
    }
    if (n.f === undefined) return; // a scalar or free-form object (RawExtension, FieldsV1, preserved unknown fields)
    for (const [name, item] of Object.entries(v)) {
      if (steps.length === 0 && name === "status") continue;
      const at = [...steps, name];
      const child = Object.hasOwn(n.f, name) ? n.f[name]! : undefined;
      if (child === undefined) { hit(at, "absent", null, []); continue; }
      const c = nodes[child]!;
      if (c.r) { hit(at, "absent", c.r, []); continue; }
      if (c.g) hit(at, "gated", null, c.g);
      walk(item, child, at);
    }
  };
  walk(value, root, []);
  return hits;
}

// Walks an object's fields against a field tree (a release's FieldIndex, or a CRD's schema read into
// the same node form) and reports the fields the tree lacks and the fields behind feature gates.
// Map keys (labels, annotations, resource limits) are values, not fields; the root `status` is
// written by controllers, not by manifests, so it is not checked.
import type { FieldNode, ReleaseRuns } from "./field-index";
import { isRecord } from "../lib/is-record";

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

export function pathText(steps: FieldStep[]): string {
  return steps.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

export function walkFields(value: unknown, nodes: readonly FieldNode[], root: number): FieldHit[] {
  const hits: FieldHit[] = [];
  // One path stack for the whole walk; a hit copies it (most fields are no hit).
  const steps: FieldStep[] = [];
  const hit = (kind: FieldHit["kind"], runs: ReleaseRuns | null, gates: string[]) =>
    hits.push({ path: pathText(steps), steps: [...steps], kind, runs, gates });
  const walk = (v: unknown, id: number) => {
    const n = nodes[id]!;
    if (Array.isArray(v)) {
      // A list where the tree has none is a type error for validation to report, not an unknown field.
      if (n.l === undefined) return;
      for (let i = 0; i < v.length; i++) { steps.push(i); walk(v[i], n.l); steps.pop(); }
      return;
    }
    if (!isRecord(v)) return;
    if (n.m !== undefined) {
      for (const key in v) { steps.push(key); walk(v[key], n.m); steps.pop(); }
      return;
    }
    if (n.f === undefined) return; // a scalar or free-form object (RawExtension, FieldsV1, preserved unknown fields)
    for (const name in v) {
      if (steps.length === 0 && name === "status") continue;
      steps.push(name);
      const child = Object.hasOwn(n.f, name) ? n.f[name]! : undefined;
      const c = child === undefined ? undefined : nodes[child]!;
      if (c === undefined) hit("absent", null, []);
      else if (c.r) hit("absent", c.r, []);
      else {
        if (c.g) hit("gated", null, c.g);
        walk(v[name], child!);
      }
      steps.pop();
    }
  };
  walk(value, root);
  return hits;
}

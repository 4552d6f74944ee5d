// A kind's fields in one release, as the reference writes paths ("spec.containers[].resizePolicy"):
// what field diffs compare and what the build is checked against.
import { isLeaf, type FieldIndex } from "./field-index";

export interface FieldPath { path: string; gates: string[] }

/** Every field and every leaf the release knows for the kind (fields it lacks are left out), in tree order. */
export function fieldPaths(index: FieldIndex, kind: string): FieldPath[] {
  const root = index.kinds[kind];
  if (root === undefined) return [];
  const out: FieldPath[] = [];
  const walk = (id: number, path: string) => {
    const n = index.nodes[id]!;
    for (const [name, child] of Object.entries(n.f ?? {})) {
      const c = index.nodes[child]!;
      if (c.r) continue;
      const p = path ? `${path}.${name}` : name;
      out.push({ path: p, gates: c.g ?? [] });
      walk(child, p);
    }
    // The reference lists a list or map element itself only where it is a leaf.
    for (const [marker, child] of [["[]", n.l], ["{}", n.m]] as const) {
      if (child === undefined) continue;
      if (isLeaf(index.nodes[child]!)) out.push({ path: `${path}${marker}`, gates: [] });
      walk(child, `${path}${marker}`);
    }
  };
  walk(root, "");
  return out;
}

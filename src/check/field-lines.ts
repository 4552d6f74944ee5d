// The source line of a field path inside a parsed YAML (or JSON) document, for findings that
// point at one field. Aliases and merge keys are followed; where a step cannot be found the line
// of the deepest node reached is the answer.
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node } from "yaml";
import type { FieldStep } from "../fields/walk-fields";

const keyOf = (k: unknown) => (isScalar(k) ? String(k.value) : k);

/** `lineAt` turns a node's offset into its line in the whole input. */
export function fieldLine(doc: Document.Parsed, root: unknown, steps: FieldStep[], lineAt: (offset: number) => number): number | null {
  const resolve = (n: unknown): unknown => (isAlias(n) ? n.resolve(doc) : n);
  const lineOf = (n: unknown) => (isNode(n) && n.range ? lineAt(n.range[0]) : null);
  /** The pair holding `key` in a mapping, looking through `<<` merges. */
  const pairIn = (map: unknown, key: string, depth = 0): { key: unknown; value: unknown } | undefined => {
    const m = resolve(map);
    if (!isMap(m) || depth > 10) return undefined;
    const own = m.items.find((p) => keyOf(p.key) === key);
    if (own) return own;
    for (const p of m.items.filter((p) => keyOf(p.key) === "<<")) {
      const v = resolve(p.value);
      for (const source of isSeq(v) ? v.items : [v]) {
        const found = pairIn(source, key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  let node: unknown = resolve(root);
  let line = lineOf(node);
  for (const step of steps) {
    if (typeof step === "number") {
      const item = isSeq(node) ? node.items[step] : undefined;
      if (item === undefined) break;
      node = resolve(item);
      line = lineOf(item) ?? line;
    } else {
      const pair = pairIn(node, step);
      if (!pair) break;
      line = lineOf(pair.key) ?? line;
      node = resolve(pair.value as Node);
    }
  }
  return line;
}

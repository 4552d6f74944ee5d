// The result as YAML: the JSON answer's content, with the run's verdict (passed) honouring fail-on.
import { Alias, Document, type Node } from "yaml";
import type { CheckResult } from "../result";
import { passes, type CheckRenderOptions } from "./options";

const OPTIONS = { lineWidth: 0 } as const;

/**
 * The anchor yaml's stringify gives each object met more than once (a1, a2, … in the order their
 * second reference is met, walking as yaml's createNode walks), so pieces can name them alike.
 */
function anchorsOf(doc: unknown): Map<object, string> {
  const seen = new Set<object>();
  const anchors = new Map<object, string>();
  const walk = (v: unknown) => {
    if (typeof v !== "object" || v === null) return;
    if (seen.has(v)) { if (!anchors.has(v)) anchors.set(v, `a${anchors.size + 1}`); return; }
    seen.add(v);
    if (Array.isArray(v)) for (const x of v) walk(x);
    else for (const k of Object.keys(v)) { const x = (v as Record<string, unknown>)[k]; if (x !== undefined) walk(x); }
  };
  walk(doc);
  return anchors;
}

/**
 * stringify(doc, { lineWidth: 0 }) in pieces: each top-level key, and each item of a top-level
 * list, is a document of its own, with the whole document's anchors and aliases set by hand.
 */
export function* yamlChunks(doc: Record<string, unknown>): Generator<string> {
  const anchors = anchorsOf(doc);
  // One document for every piece: a new one per object would build its schema 10,000 times.
  const out = new Document();
  const written = new Set<object>();
  // The value with objects already written replaced by aliases, and the anchor on first occurrences.
  const withAliases = (v: unknown): unknown => {
    if (typeof v !== "object" || v === null) return v;
    const anchor = anchors.get(v);
    if (anchor !== undefined && written.has(v)) return new Alias(anchor);
    if (anchor !== undefined) written.add(v);
    const copy = Array.isArray(v) ? v.map(withAliases) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withAliases(x)]));
    if (anchor === undefined) return copy;
    const node = out.createNode(copy, { aliasDuplicateObjects: false }) as Node;
    node.anchor = anchor;
    return node;
  };
  const text = (value: unknown) => {
    out.contents = out.createNode(value, { aliasDuplicateObjects: false });
    return out.toString({ ...OPTIONS, verifyAliasOrder: false });
  };
  for (const [key, value] of Object.entries(doc)) {
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.length || anchors.has(value)) { yield text({ [key]: withAliases(value) }); continue; }
    // "key:\n  - item\n": the key's line comes with the first item only.
    for (let i = 0; i < value.length; i++) {
      const piece = text({ [key]: [withAliases(value[i])] });
      yield i ? piece.slice(piece.indexOf("\n") + 1) : piece;
    }
  }
}

/** In pieces, one per object: the CLI writes them as they come. */
export function renderCheckYaml(r: CheckResult, opts: CheckRenderOptions): Iterable<string> {
  const { kind, ...rest } = r;
  return yamlChunks({ kind, passed: passes(r, opts), ...rest });
}

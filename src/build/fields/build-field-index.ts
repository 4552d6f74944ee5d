// Turns the reference's field paths into one release's FieldIndex: a tree per kind of the fields the
// release has, each absent field one level deep with the releases that have it, identical subtrees
// stored once.
import type { FieldIndex, FieldNode, ReleaseRuns } from "../../fields/field-index";
import { minorNumber } from "../../snapshot/ids";
import type { FieldTrees } from "./field-trees";

interface TrieNode { fields: Map<string, TrieField>; list?: TrieNode; map?: TrieNode }
interface TrieField { runs?: ReleaseRuns; node: TrieNode }

/** Every kind's fields across all releases: "apps/v1/Deployment" -> its root. */
export type FieldTries = Map<string, TrieNode>;

const trieNode = (): TrieNode => ({ fields: new Map() });

/** "spec.containers[].ports[].name" -> [["spec", ""], ["containers", "[]"], ["ports", "[]"], ["name", ""]]: each field with the list/map markers after it. */
function segments(path: string): [string, string][] {
  return path.split(".").map((s) => {
    const m = /^([^[{]+)((?:\[\]|\{\})*)$/.exec(s);
    if (!m) throw new Error(`field-trees: cannot read path "${path}"`);
    return [m[1]!, m[2]!];
  });
}

function insert(root: TrieNode, path: string, runs: ReleaseRuns) {
  let node = root;
  let field: TrieField | undefined;
  for (const [name, markers] of segments(path)) {
    field = node.fields.get(name) ?? { node: trieNode() };
    node.fields.set(name, field);
    node = field.node;
    for (const marker of markers.match(/\[\]|\{\}/g) ?? []) {
      const key = marker === "[]" ? "list" : "map";
      node = node[key] ??= trieNode();
    }
  }
  field!.runs = runs;
}

const includes = (runs: ReleaseRuns, minor: number) => runs.some(([a, b]) => minorNumber(a) <= minor && minor <= minorNumber(b));

/** Every kind of the reference as a trie of its fields, the generator-omitted fields included. */
export function fieldTries(trees: FieldTrees): FieldTries {
  const tries = new Map<string, TrieNode>();
  for (const [kind, paths] of trees.fields) {
    const root = trieNode();
    for (const [path, runs] of paths) insert(root, path, runs);
    for (const [path, runs] of trees.omitted.get(kind) ?? []) insert(root, path, runs);
    tries.set(kind, root);
  }
  return tries;
}

export function buildFieldIndex(tries: FieldTries, trees: FieldTrees, release: string): FieldIndex {
  const minor = minorNumber(release);
  const nodes: FieldNode[] = [];
  const ids = new Map<string, number>();
  const intern = (n: FieldNode): number => {
    const key = JSON.stringify(n);
    let id = ids.get(key);
    if (id === undefined) { id = nodes.length; nodes.push(n); ids.set(key, id); }
    return id;
  };
  const emit = (t: TrieNode, kind: string, path: string, gates: Map<string, string[]> | undefined): FieldNode => {
    const n: FieldNode = {};
    if (t.fields.size) {
      n.f = {};
      for (const name of [...t.fields.keys()].sort()) {
        const child = t.fields.get(name)!;
        const childPath = path ? `${path}.${name}` : name;
        if (!child.runs) throw new Error(`field-trees: ${kind} ${childPath} is not listed itself, only paths below it`);
        if (!includes(child.runs, minor)) { n.f[name] = intern({ r: child.runs }); continue; }
        const g = gates?.get(childPath);
        n.f[name] = intern({ ...emit(child.node, kind, childPath, gates), ...(g ? { g: [...g].sort() } : {}) });
      }
    }
    if (t.list) n.l = intern(emit(t.list, kind, `${path}[]`, gates));
    if (t.map) n.m = intern(emit(t.map, kind, `${path}{}`, gates));
    return n;
  };
  const kinds: Record<string, number> = {};
  for (const kind of [...tries.keys()].sort()) {
    const has = [...trees.fields.get(kind)!.values()].some((runs) => includes(runs, minor));
    if (has) kinds[kind] = intern(emit(tries.get(kind)!, kind, "", trees.gates.get(release)?.get(kind)));
  }
  return { kind: "FieldIndex", release, kinds, nodes };
}

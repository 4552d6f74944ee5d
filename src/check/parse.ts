// Reads manifests (multi-document YAML, JSON, List objects, Helm output) into objects with
// their document and line, without letting one bad document hide the others.
import { Composer, isMap, isNode, isSeq, LineCounter, Parser, type Document } from "yaml";
import { blankDeepDocuments } from "./depth-guard";
import { MAX_ALIAS_COUNT, MAX_DEPTH } from "./limits";
import type { ManifestError, ManifestLocation, ManifestObject } from "./manifest-object";

export interface ParsedManifests { objects: ManifestObject[]; errors: ManifestError[] }

/**
 * The template a Helm `# Source: chart/templates/x.yaml` comment line names. A scan of the lines,
 * not a regex: one whose leading `\s*` may cross newlines backtracks quadratically over many blank comment lines.
 */
function helmTemplate(comment: string): string | null {
  for (const line of comment.split("\n")) {
    const text = line.trimStart();
    if (!text.startsWith("Source:")) continue;
    const template = text.slice("Source:".length).trim();
    if (template) return template;
  }
  return null;
}

const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function describeObject(value: unknown, location: ManifestLocation): ManifestObject {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? "a sequence" : `a ${typeof value}`;
    return { location, apiVersion: null, kind: null, name: null, namespace: null, problem: `document is ${what}, not an object` };
  }
  const meta = isRecord(value.metadata) ? value.metadata : {};
  const apiVersion = str(value.apiVersion), kind = str(value.kind);
  const missing = [apiVersion ? null : "apiVersion", kind ? null : "kind"].filter(Boolean);
  return {
    location, apiVersion, kind,
    name: str(meta.name) ?? str(meta.generateName),
    namespace: str(meta.namespace),
    problem: missing.length ? `object has no ${missing.join(" and ")}` : null,
  };
}

/** kubectl flattens any object whose kind ends in "List" and that has items. */
function isList(value: unknown): value is { items: unknown[] } {
  return isRecord(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
}

export function parseManifests(source: string, text: string): ParsedManifests {
  const objects: ManifestObject[] = [];
  const errors: ManifestError[] = [];
  const { text: safe, deep } = blankDeepDocuments(text, MAX_DEPTH);
  const lines = new LineCounter();
  const docs: Document.Parsed[] = [...new Composer({ merge: true, prettyErrors: false }).compose(new Parser(lines.addNewLine).parse(safe))];
  const pos = (offset: number) => lines.linePos(offset);
  const fail = (document: number, offset: number, reason: ManifestError["reason"], message: string) => {
    const { line, col } = pos(offset);
    errors.push({ source, document, line, column: col, reason, message });
  };

  docs.forEach((doc, i) => {
    const document = i + 1;
    const tooDeep = deep.find((d) => d.start === doc.range[0]);
    if (tooDeep) return fail(document, tooDeep.at, "TooDeep", `document ${document} is nested more than ${MAX_DEPTH} levels deep; refused`);
    if (doc.errors.length) {
      for (const e of doc.errors) fail(document, e.pos[0], "MalformedYAML", e.message);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws only for excessive aliasing here: the document is well-formed but refused.
      return fail(document, doc.contents?.range[0] ?? doc.range[0], "TooManyAliases", `document ${document} expands aliases beyond the limit (${MAX_ALIAS_COUNT}); refused: ${(e as Error).message}`);
    }
    if (value === null || value === undefined) return; // empty documents, as kubectl skips them
    // Where yaml attaches the comment above the first key depends on the blank lines around it.
    const firstKey = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
    const keyComment = isNode(firstKey) ? firstKey.commentBefore : null;
    const comment = [doc.commentBefore, doc.contents?.commentBefore, keyComment].filter(Boolean).join("\n");
    const template = helmTemplate(comment);
    const at = (offset: number, item: number | null): ManifestLocation => ({ source, document, line: pos(offset).line, item, template });
    const start = doc.contents?.range[0] ?? doc.range[0];
    if (!isList(value)) return void objects.push(describeObject(value, at(start, null)));
    const itemsNode = isMap(doc.contents) ? doc.contents.get("items", true) : undefined;
    value.items.forEach((item, n) => {
      const node: unknown = isSeq(itemsNode) ? itemsNode.items[n] : undefined;
      const offset = isNode(node) && node.range ? node.range[0] : start;
      objects.push(describeObject(item, at(offset, n)));
    });
  });
  return { objects, errors };
}

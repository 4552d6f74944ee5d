// Reads manifests (multi-document YAML, JSON, List objects, Helm output) into objects with
// their document and line, without letting one bad document hide the others.
import { Composer, isMap, isNode, isSeq, LineCounter, Parser, type Document } from "yaml";
import { definitionOf, type CustomResourceDefinitionFacts } from "./custom-resources";
import { blankDeepDocuments } from "./depth-guard";
import { MAX_ALIAS_COUNT, MAX_DEPTH } from "./limits";
import { fieldLine } from "./field-lines";
import type { ManifestError, ManifestLocation, ManifestObject } from "./manifest-object";
import type { FieldStep } from "../fields/walk-fields";

/** An object's content and where each of its fields is, for the field checks. */
export interface ObjectSource { value: unknown; line(steps: FieldStep[]): number }

export interface ParsedManifests {
  objects: ManifestObject[];
  errors: ManifestError[];
  /** The CustomResourceDefinitions among the objects, which the check treats as installed. */
  definitions: CustomResourceDefinitionFacts[];
  sources: Map<ManifestObject, ObjectSource>;
}

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

/** Why a present apiVersion or kind cannot be used: it is not a string (`apiVersion: 1`, a YAML number). */
function invalidField(field: string, v: unknown): string | null {
  if (v === undefined || v === null || v === "" || typeof v === "string") return null;
  const what = Array.isArray(v) ? "a sequence" : typeof v === "object" ? "a mapping" : `the ${typeof v} ${JSON.stringify(v)}`;
  return `invalid ${field} value: ${what}, not a string${field === "apiVersion" ? ' such as "apps/v1" (quote it)' : ""}`;
}

function describeObject(value: unknown, location: ManifestLocation): ManifestObject {
  if (!isRecord(value)) {
    const what = Array.isArray(value) ? "a sequence" : `a ${typeof value}`;
    return { location, apiVersion: null, kind: null, name: null, namespace: null, problem: `document is ${what}, not an object` };
  }
  const meta = isRecord(value.metadata) ? value.metadata : {};
  const apiVersion = str(value.apiVersion), kind = str(value.kind);
  const invalid = [invalidField("apiVersion", value.apiVersion), invalidField("kind", value.kind)].filter(Boolean);
  const missing = [apiVersion || invalidField("apiVersion", value.apiVersion) ? null : "apiVersion", kind || invalidField("kind", value.kind) ? null : "kind"].filter(Boolean);
  const problems = [...invalid, ...(missing.length ? [`object has no ${missing.join(" and ")}`] : [])];
  return {
    location, apiVersion, kind,
    name: str(meta.name) ?? str(meta.generateName),
    namespace: str(meta.namespace),
    problem: problems.length ? problems.join("; ") : null,
  };
}

/** kubectl flattens any object whose kind ends in "List" and that has items. */
function isList(value: unknown): value is { items: unknown[] } {
  return isRecord(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items);
}

/**
 * The objects of a JSON stream, `{...}{...}` or one per line, as kubectl's YAML-or-JSON decoder reads
 * a body whose first character is "{": offsets of each top-level object; null when the text is not
 * such a stream of two or more objects (one object is plain YAML).
 */
export function splitJsonStream(text: string): { start: number; end: number }[] | null {
  const values: { start: number; end: number }[] = [];
  const skipSpace = (i: number) => { while (i < text.length && /\s/.test(text[i]!)) i++; return i; };
  let i = skipSpace(0);
  while (i < text.length) {
    if (text[i] !== "{") return null;
    const start = i;
    let depth = 0, inString = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if ((c === "}" || c === "]") && --depth === 0) { i++; break; }
    }
    if (depth !== 0) return null;
    values.push({ start, end: i });
    i = skipSpace(i);
  }
  return values.length > 1 ? values : null;
}

/** The documents of the text, each with the offset its positions count from; one at a time, so a
 * document's syntax tree can be collected once its objects are read (10,000 documents at once cost
 * hundreds of MB). */
function* composeDocuments(text: string): Generator<{ doc: Document.Parsed; base: number }> {
  const compose = (t: string) => new Composer({ merge: true, prettyErrors: false }).compose(new Parser().parse(t));
  const stream = splitJsonStream(text);
  if (stream) {
    for (const { start, end } of stream) for (const doc of compose(text.slice(start, end))) yield { doc, base: start };
  } else {
    for (const doc of compose(text)) yield { doc, base: 0 };
  }
}

export function parseManifests(source: string, text: string): ParsedManifests {
  const objects: ManifestObject[] = [];
  const errors: ManifestError[] = [];
  const definitions: CustomResourceDefinitionFacts[] = [];
  const sources = new Map<ManifestObject, ObjectSource>();
  let recomposed: { start: number; doc: Document.Parsed } | undefined;
  const { text: safe, deep } = blankDeepDocuments(text, MAX_DEPTH);
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = safe.indexOf("\n"); nl >= 0; nl = safe.indexOf("\n", nl + 1)) lines.addNewLine(nl + 1);

  let document = 0;
  for (const { doc, base } of composeDocuments(safe)) readDocument(doc, base, ++document);
  return { objects, errors, definitions, sources };

  /**
   * Where an object's fields are. The syntax tree is not kept (that is what reading one document at a
   * time saves); the document is composed again when a finding needs a line, the last one kept.
   */
  function fieldLines(doc: Document.Parsed, base: number, itemSteps: FieldStep[], fallback: number): ObjectSource["line"] {
    // A block document from the start of its first line, so indentation reads as it did in the whole
    // text; a flow (JSON) one from its brace, as objects of a JSON stream may share a line.
    const from = base + doc.range[0];
    const start = safe[from] === "{" || safe[from] === "[" ? from : safe.lastIndexOf("\n", Math.max(0, from - 1)) + 1;
    const end = base + doc.range[2];
    return (steps) => {
      if (!recomposed || recomposed.start !== start) {
        const again = new Composer({ merge: true, prettyErrors: false }).compose(new Parser().parse(safe.slice(start, end))).next().value;
        recomposed = again ? { start, doc: again } : undefined;
      }
      if (!recomposed) return fallback;
      return fieldLine(recomposed.doc, recomposed.doc.contents, [...itemSteps, ...steps], (off) => lines.linePos(start + off).line) ?? fallback;
    };
  }

  function readDocument(doc: Document.Parsed, base: number, document: number): void {
    const pos = (offset: number) => lines.linePos(base + offset);
    // One error per document: a parser's follow-on messages add nothing a person can act on.
    const fail = (offset: number, reason: ManifestError["reason"], message: string) => {
      const { line, col } = pos(offset);
      errors.push({ source, document, line, column: col, reason, message });
    };
    const tooDeep = deep.find((d) => d.start === base + doc.range[0]);
    if (tooDeep) return fail(tooDeep.at - base, "TooDeep", `document ${document} is nested more than ${MAX_DEPTH} levels deep; refused`);
    if (doc.errors.length) return fail(doc.errors[0]!.pos[0], "MalformedYAML", doc.errors[0]!.message);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      // yaml throws only for excessive aliasing here: the document is well-formed but refused.
      return fail(doc.contents?.range[0] ?? doc.range[0], "TooManyAliases", `document ${document} expands aliases beyond the limit (${MAX_ALIAS_COUNT}); refused: ${(e as Error).message}`);
    }
    if (value === null || value === undefined) return; // empty documents, as kubectl skips them
    // Where yaml attaches the comment above the first key depends on the blank lines around it.
    const firstKey = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
    const keyComment = isNode(firstKey) ? firstKey.commentBefore : null;
    const comment = [doc.commentBefore, doc.contents?.commentBefore, keyComment].filter(Boolean).join("\n");
    const template = helmTemplate(comment);
    const at = (offset: number, item: number | null): ManifestLocation => ({ source, document, line: pos(offset).line, item, template });
    // Lists nest (a List item may be a List): kubectl flattens every level.
    const add = (value: unknown, node: unknown, offset: number, item: number | null, itemSteps: FieldStep[]): void => {
      if (!isList(value)) {
        const definition = definitionOf(value, source);
        if (definition) definitions.push(definition);
        const o = describeObject(value, at(offset, item));
        objects.push(o);
        sources.set(o, { value, line: fieldLines(doc, base, itemSteps, o.location.line) });
        return;
      }
      const itemsNode = isMap(node) ? node.get("items", true) : undefined;
      value.items.forEach((child, n) => {
        const childNode: unknown = isSeq(itemsNode) ? itemsNode.items[n] : undefined;
        add(child, childNode, isNode(childNode) && childNode.range ? childNode.range[0] : offset, n, [...itemSteps, "items", n]);
      });
    };
    add(value, doc.contents, doc.contents?.range[0] ?? doc.range[0], null, []);
  }
}

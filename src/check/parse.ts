// Reads manifests (multi-document YAML, JSON, List objects, Helm output) into objects with
// their document and line, without letting one bad document hide the others.
import { Composer, isMap, isNode, isSeq, LineCounter, Parser, type Document } from "yaml";
import { definitionOf, type CustomResourceDefinitionFacts } from "./custom-resources";
import { readBlockDocument } from "./block-yaml";
import type { DocumentReader, ReadDocument } from "./document-reader";
import { readJsonDocument } from "./json-document";
import { blankDeepDocuments, type DeepDocument } from "./depth-guard";
import { MAX_ALIAS_COUNT, MAX_DEPTH } from "./limits";
import { fieldLine } from "./field-lines";
import type { ManifestError, ManifestLocation, ManifestObject } from "./manifest-object";
import type { FieldStep } from "../fields/walk-fields";
import { isRecord } from "../lib/is-record";

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

/** Offsets where List items start, by their List's items array (undefined where not known). */
type ItemStarts = ReadonlyMap<unknown[], readonly (number | undefined)[]>;

/** Where each line of the text starts, for the documents the library reads. */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}

function newlinesIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let nl = text.indexOf("\n", start); nl >= 0 && nl < end; nl = text.indexOf("\n", nl + 1)) n++;
  return n;
}

/** Whether every List in the value (nested ones too) has the starts of its items. */
function listsPlaced(value: unknown, itemStarts: ItemStarts): boolean {
  return !isList(value) || (itemStarts.has(value.items) && value.items.every((item) => listsPlaced(item, itemStarts)));
}

/** Where the items of a List value (and of Lists inside it) start in the syntax tree. */
function listItemStarts(value: unknown, node: unknown, starts = new Map<unknown[], (number | undefined)[]>()): ItemStarts {
  if (!isList(value)) return starts;
  const itemsNode = isMap(node) ? node.get("items", true) : undefined;
  starts.set(value.items, value.items.map((child, n) => {
    const childNode: unknown = isSeq(itemsNode) ? itemsNode.items[n] : undefined;
    listItemStarts(child, childNode, starts);
    return isNode(childNode) && childNode.range ? childNode.range[0] : undefined;
  }));
  return starts;
}

/** The documents of a YAML stream, split at its `---` lines, each with whether it has one (comments and
 * blank lines before the first `---` belong to the first document, as the YAML library reads them). */
export function documentChunks(text: string): { start: number; end: number; marked: boolean }[] {
  const markers: number[] = [];
  for (const m of text.matchAll(/^---(?=[ \t\r\n]|$)/gm)) markers.push(m.index);
  if (!markers.length) return [{ start: 0, end: text.length, marked: false }];
  const chunks = markers.map((start, i) => ({ start, end: markers[i + 1] ?? text.length, marked: true }));
  if (markers[0]! > 0) {
    if (/^(?:[ \t]*(?:#[^\n]*)?(?:\n|$))*$/.test(text.slice(0, markers[0]))) chunks[0]!.start = 0;
    else chunks.unshift({ start: 0, end: markers[0]!, marked: false });
  }
  return chunks;
}

const composeAll = (text: string) => new Composer({ merge: true, prettyErrors: false }).compose(new Parser().parse(text));

/** A document that starts with "{" (JSON) goes to the JSON reader, any other to the block YAML reader. */
const readFast: DocumentReader = (text, positions) => (/^\s*\{/.test(text) ? readJsonDocument(text, positions) : readBlockDocument(text, positions));

/** Reads manifests: each document with a fast reader where it answers, else with the YAML library. */
export function parseManifests(source: string, text: string): ParsedManifests {
  return parseManifestsWith(source, text, readFast);
}

/**
 * Reads manifests with a given fast reader (the tests pass one that always declines, to compare the
 * fast readers with the library alone). Documents are read one at a time, so a document's syntax tree
 * can be collected once its objects are read (10,000 documents at once cost hundreds of MB).
 */
export function parseManifestsWith(source: string, text: string, read: DocumentReader): ParsedManifests {
  const objects: ManifestObject[] = [];
  const errors: ManifestError[] = [];
  const definitions: CustomResourceDefinitionFacts[] = [];
  const sources = new Map<ManifestObject, ObjectSource>();
  let recomposed: { text: string; start: number; doc: Document.Parsed } | undefined;
  let reread: { start: number; doc: ReadDocument } | undefined;
  // Lines of documents the block reader read come from the reader; the index of the whole text's
  // lines is built only when the library reads a document.
  let lineIndex: LineCounter | undefined;
  const linePos = (offset: number) => (lineIndex ??= lineCounter(text)).linePos(offset);
  let document = 0;

  // The objects of a JSON stream, else the documents of a YAML stream; directives (`%YAML`) reach
  // across documents, so such a stream is read whole by the library.
  const chunks = splitJsonStream(text)?.map((c) => ({ ...c, marked: false })) ?? (/^%/m.test(text) ? null : documentChunks(text));
  if (!chunks) readWithLibrary(0, text.length);
  else {
    let firstLine = 1, from = 0;
    for (const chunk of chunks) {
      firstLine += newlinesIn(text, from, chunk.start); // the space between a stream's objects (YAML documents touch)
      const fast = read(text.slice(chunk.start, chunk.end));
      // The block reader places the items of block Lists only; a List written in flow style is the library's.
      if (!fast || !listsPlaced(fast.value, fast.itemStarts)) readWithLibrary(chunk.start, chunk.end);
      else if (fast.contentStart !== null || chunk.marked) readFastValue(fast, chunk.start, chunk.end, ++document, firstLine);
      firstLine += fast ? fast.newlines : newlinesIn(text, chunk.start, chunk.end);
      from = chunk.end;
    }
  }
  return { objects, errors, definitions, sources };

  /**
   * Where an object's fields are in a document the library read from `chunk` (which starts at `base`
   * in the text), looked up when a finding needs one: the document is composed again (the one last
   * composed is kept).
   */
  function fieldLines(chunk: string, base: number, from: number, to: number, itemSteps: FieldStep[], fallback: number): ObjectSource["line"] {
    // A block document from the start of its first line, so indentation reads as it did in the whole
    // text; a flow (JSON) one from its brace, as objects of a JSON stream may share a line.
    const start = chunk[from] === "{" || chunk[from] === "[" ? from : chunk.lastIndexOf("\n", Math.max(0, from - 1)) + 1;
    return (steps) => {
      if (!recomposed || recomposed.text !== chunk || recomposed.start !== start) {
        const again = composeAll(chunk.slice(start, to)).next().value;
        recomposed = again ? { text: chunk, start, doc: again } : undefined;
      }
      if (!recomposed) return fallback;
      return fieldLine(recomposed.doc, recomposed.doc.contents, [...itemSteps, ...steps], (off) => linePos(base + start + off).line) ?? fallback;
    };
  }

  /** A document a fast reader read from text[start, end), whose first line is `firstLine`. */
  function readFastValue(fast: ReadDocument, start: number, end: number, document: number, firstLine: number): void {
    if (fast.value === null) return; // empty documents, as kubectl skips them
    const template = helmTemplate(fast.comments.join("\n"));
    addFlattened(fast.value, start + fast.contentStart!, fast.itemStarts, (offset, item, itemSteps) => {
      const line = firstLine + fast.lineOf(offset - start);
      return { location: { source, document, line, item, template }, line: fastFieldLines(start, end, firstLine, itemSteps, line) };
    }, start);
  }

  /** Where an object's fields are in a document a fast reader read: it reads the document again, recording positions (the last one kept). */
  function fastFieldLines(start: number, end: number, firstLine: number, itemSteps: FieldStep[], fallback: number): ObjectSource["line"] {
    return (steps) => {
      if (reread?.start !== start) {
        const doc = read(text.slice(start, end), true);
        reread = doc ? { start, doc } : undefined;
      }
      if (!reread) return fallback;
      const { doc } = reread;
      let node = doc.value;
      let at = doc.contentStart!;
      for (const step of [...itemSteps, ...steps]) {
        const found = typeof step === "number" ? (Array.isArray(node) ? doc.itemStarts.get(node)?.[step] : undefined) : doc.keyStarts.get(node as object)?.get(step);
        if (found === undefined) break;
        at = found;
        node = (node as Record<string | number, unknown>)[step];
      }
      return firstLine + doc.lineOf(at);
    };
  }

  function addObject(value: unknown, location: ManifestLocation, line: ObjectSource["line"]): void {
    const definition = definitionOf(value, source);
    if (definition) definitions.push(definition);
    const o = describeObject(value, location);
    objects.push(o);
    sources.set(o, { value, line });
  }

  /**
   * Adds a document's objects: kubectl flattens a List (any kind ending in "List" with items), and
   * Lists nest. `itemStarts` holds the offsets of List items (counted from `base`); `place` gives an
   * object's location and field lines from its offset in the whole text.
   */
  function addFlattened(value: unknown, offset: number, itemStarts: ItemStarts, place: (offset: number, item: number | null, itemSteps: FieldStep[]) => { location: ManifestLocation; line: ObjectSource["line"] }, base: number): void {
    const add = (value: unknown, offset: number, item: number | null, itemSteps: FieldStep[]): void => {
      if (!isList(value)) {
        const { location, line } = place(offset, item, itemSteps);
        addObject(value, location, line);
        return;
      }
      const starts = itemStarts.get(value.items);
      value.items.forEach((child, n) => {
        const start = starts?.[n];
        add(child, start === undefined ? offset : base + start, n, [...itemSteps, "items", n]);
      });
    };
    add(value, offset, null, []);
  }

  /** The documents of text[start, end) read by the YAML library, too-deep ones refused before it recurses. */
  function readWithLibrary(start: number, end: number): void {
    const { text: safe, deep } = blankDeepDocuments(text.slice(start, end), MAX_DEPTH);
    for (const doc of composeAll(safe)) readDocument(doc, safe, start, deep, ++document);
  }

  function readDocument(doc: Document.Parsed, chunk: string, base: number, deep: DeepDocument[], document: number): void {
    const pos = (offset: number) => linePos(base + offset);
    // One error per document: a parser's follow-on messages add nothing a person can act on.
    const fail = (offset: number, reason: ManifestError["reason"], message: string) => {
      const { line, col } = pos(offset);
      errors.push({ source, document, line, column: col, reason, message });
    };
    const tooDeep = deep.find((d) => d.start === doc.range[0]);
    if (tooDeep) return fail(tooDeep.at, "TooDeep", `document ${document} is nested more than ${MAX_DEPTH} levels deep; refused`);
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
    addFlattened(value, base + (doc.contents?.range[0] ?? doc.range[0]), listItemStarts(value, doc.contents), (offset, item, itemSteps) => {
      const line = linePos(offset).line;
      return { location: { source, document, line, item, template }, line: fieldLines(chunk, base, doc.range[0], doc.range[2], itemSteps, line) };
    }, base);
  }
}

// A fast reader for a document that is one JSON object: what `kubectl get -o json` prints (often a
// List of thousands of objects), `helm template | yq -o json`, or one object of a JSON stream. The
// value comes from the runtime's JSON.parse; a scan of the text alongside it finds where List items
// (and, when asked, every key and item) start, and declines what the YAML library would read
// differently: duplicate keys (an error there), `<<` (a merge key there), `__proto__`, nesting past
// MAX_NESTING, and characters YAML treats apart. Declined or malformed documents go to the library,
// which gives the errors; where this reader answers, its answer equals the library's (tested alike).
import { lineOfOffsets, MAX_NESTING, type ReadDocument } from "./document-reader";
import { isRecord } from "../lib/is-record";

// Raw controls other than JSON's whitespace, a BOM, NEL, the Unicode line separators, and a carriage
// return outside CRLF (the library reads `\r "a"` between tokens as a plain scalar, not as space).
const UNSUPPORTED = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]|\r(?!\n)/;
const SPACE = 32, TAB = 9, LF = 10, CR = 13, QUOTE = 34, BACKSLASH = 92, COMMA = 44, COLON = 58;
const LBRACE = 123, RBRACE = 125, LBRACKET = 91, RBRACKET = 93;
const DECLINED = Symbol("declined");
const decline = (): never => { throw DECLINED; };

/** The object in `text` (whitespace around it allowed), or null to leave the text to the YAML library. */
export function readJsonDocument(text: string, positions = false): ReadDocument | null {
  const start = skipSpace(text, 0);
  if (text.charCodeAt(start) !== LBRACE || UNSUPPORTED.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // malformed: the library says where and why
  }
  if (!isRecord(value)) return null;
  const scan = new Scan(text, positions);
  try {
    if (skipSpace(text, scan.object(start, value, 1)) !== text.length) return null;
  } catch (e) {
    if (e === DECLINED) return null;
    throw e;
  }
  const lineStarts = [0];
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) lineStarts.push(nl + 1);
  return { value, contentStart: start, comments: [], itemStarts: scan.itemStarts, keyStarts: scan.keyStarts, lineOf: lineOfOffsets(lineStarts), newlines: lineStarts.length - 1 };
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== LF && c !== CR && c !== TAB) return i;
    i++;
  }
}

/** Walks the text and the parsed value together; each method returns the offset after what it read. */
class Scan {
  readonly itemStarts = new Map<unknown[], number[]>();
  readonly keyStarts = new Map<object, Map<string, number>>();

  constructor(private readonly text: string, private readonly positions: boolean) {}

  object(at: number, node: Record<string, unknown>, depth: number): number {
    if (depth > MAX_NESTING) decline();
    const keyStarts = this.positions ? new Map<string, number>() : undefined;
    if (keyStarts) this.keyStarts.set(node, keyStarts);
    let i = skipSpace(this.text, at + 1);
    if (this.text.charCodeAt(i) === RBRACE) return i + 1;
    // JSON.parse keeps the last of duplicate keys: fewer keys in the value than in the text means duplicates.
    let keys = 0;
    for (;; keys++) {
      if (this.text.charCodeAt(i) !== QUOTE) decline();
      const keyEnd = this.string(i);
      const raw = this.text.slice(i + 1, keyEnd - 1);
      const key = raw.includes("\\") ? (JSON.parse(this.text.slice(i, keyEnd)) as string) : raw;
      if (key === "__proto__" || key === "<<") decline();
      keyStarts?.set(key, i);
      i = skipSpace(this.text, keyEnd);
      if (this.text.charCodeAt(i) !== COLON) decline();
      i = this.value(skipSpace(this.text, i + 1), node[key], depth, key === "items");
      i = skipSpace(this.text, i);
      const c = this.text.charCodeAt(i);
      if (c === RBRACE) {
        if (keys + 1 !== Object.keys(node).length) decline();
        return i + 1;
      }
      if (c !== COMMA) decline();
      i = skipSpace(this.text, i + 1);
    }
  }

  private array(at: number, node: unknown[], depth: number, ofItems: boolean): number {
    if (depth > MAX_NESTING) decline();
    const starts: number[] | undefined = ofItems || this.positions ? [] : undefined;
    if (starts) this.itemStarts.set(node, starts);
    let i = skipSpace(this.text, at + 1);
    if (this.text.charCodeAt(i) === RBRACKET) return i + 1;
    for (let n = 0; ; n++) {
      starts?.push(i);
      i = skipSpace(this.text, this.value(i, node[n], depth, false));
      const c = this.text.charCodeAt(i);
      if (c === RBRACKET) return i + 1;
      if (c !== COMMA) decline();
      i = skipSpace(this.text, i + 1);
    }
  }

  /** A value at `at` whose parsed form is `node`, inside a collection at `depth`; `ofItems`: the value of an `items` key. */
  private value(at: number, node: unknown, depth: number, ofItems: boolean): number {
    const c = this.text.charCodeAt(at);
    // Text and value disagree only under a duplicate key (the value holds its last occurrence).
    if (c === LBRACE) return isRecord(node) ? this.object(at, node, depth + 1) : decline();
    if (c === LBRACKET) return Array.isArray(node) ? this.array(at, node, depth + 1, ofItems) : decline();
    if (c === QUOTE) return this.string(at);
    // A number, true, false or null: JSON.parse has checked it; it ends where the structure goes on.
    let i = at;
    for (;;) {
      const d = this.text.charCodeAt(i);
      if (d === COMMA || d === RBRACE || d === RBRACKET || d === SPACE || d === LF || d === CR || d === TAB || Number.isNaN(d)) return i;
      i++;
    }
  }

  /** The offset after the string whose opening quote is at `at`. */
  private string(at: number): number {
    for (let i = at + 1; ;) {
      const close = this.text.indexOf('"', i);
      if (close < 0) decline();
      let backslashes = 0;
      while (this.text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return close + 1;
      i = close + 1;
    }
  }
}

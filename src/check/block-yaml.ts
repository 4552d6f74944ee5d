// A fast reader for the block-style YAML that manifests are written in (what Helm renders, what
// kubectl, controller-gen and yaml libraries print): mappings and sequences by indentation, plain
// and quoted scalars (folded over several lines), literal block scalars, and flow collections that
// close on their line (`{}`, `[a, b]`, `{name: http, port: 80}`). Anything else (anchors, aliases,
// tags, merge keys, folded block scalars, flow collections over several lines, complex keys, tabs,
// duplicate keys, keys that are not strings) is declined, and the caller reads that document with
// the full YAML library instead. So this reader
// never decides what a document means on its own: where it answers, its answer equals the YAML
// library's (YAML 1.2 core schema), which the tests check against the library on real and
// generated manifests.
import { lineOfOffsets, MAX_NESTING, type ReadDocument } from "./document-reader";

// Characters the reader does not handle anywhere: tabs, carriage returns, other controls, a BOM.
const UNSUPPORTED = /[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// Characters a plain scalar may not start with, for this reader: YAML's indicators. (YAML allows `?`
// and `:` before a non-space; the reader leaves those rare scalars to the library. `-` is checked
// apart: "-1" and "-Xmx" are plain, "- x" is a sequence.)
const PLAIN_START_REFUSED = new Set([..."?:,[]{}#&*!|>'\"%@`"]);

const DECLINED = Symbol("declined");
function decline(): never { throw DECLINED; }

const SPACE = 32, HASH = 35, COLON = 58, DASH = 45;

/** The value a plain scalar resolves to under the YAML 1.2 core schema, in the library's order of tags. */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Numbers start with a digit, a sign or a dot; null and booleans are a few short words; the rest is text.
  if ((c >= 48 && c <= 57) || c === 43 /* + */ || c === DASH || c === 46 /* . */) {
    if (INT_OCT.test(s)) return parseInt(s.slice(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.slice(2), 16);
    if (FLOAT_NAN.test(s)) return s.endsWith("nan") || s.endsWith("NaN") || s.endsWith("NAN") ? NaN : s[0] === "-" ? -Infinity : Infinity;
    if (FLOAT.test(s)) return parseFloat(s);
    return s;
  }
  if (s.length > 5) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return c === 116 || c === 84;
  return s;
}

/**
 * The document in `text` (one document: the caller splits a stream at its `---` lines), or null
 * when it uses YAML this reader declines. `text` may start with the `---` line itself. With
 * `positions`, it also records where every key and item starts (for the lines of field findings).
 */
export function readBlockDocument(text: string, positions = false): ReadDocument | null {
  if (UNSUPPORTED.test(text)) return null;
  try {
    return new Reader(text, positions).document();
  } catch (e) {
    if (e === DECLINED) return null;
    throw e;
  }
}

class Reader {
  private readonly lineStarts: number[] = [];
  private readonly lineEnds: number[] = [];
  /** Offset of each line's first non-space (its end when blank): indentation is asked for again and again. */
  private readonly lineContent: number[] = [];
  /** The line after the node a method just read: methods return a node's value and leave this. */
  private next = 0;
  /** Where the value of the key `key()` just read starts. */
  private valueAt = 0;
  private readonly itemStarts = new Map<unknown[], number[]>();
  private readonly keyStarts = new Map<object, Map<string, number>>();
  private newlines = 0;

  /** `positions`: record where every key and item starts, not only the items of `items:`. */
  constructor(private readonly text: string, private readonly positions: boolean) {
    // Lines end at "\n"; text after the last one is a line only when there is some.
    for (let at = 0; at < text.length;) {
      const nl = text.indexOf("\n", at);
      const end = nl < 0 ? text.length : nl;
      if (nl >= 0) this.newlines++;
      this.lineStarts.push(at);
      this.lineEnds.push(end);
      let content = at;
      while (content < end && text.charCodeAt(content) === SPACE) content++;
      this.lineContent.push(content);
      at = end + 1;
    }
  }

  document(): ReadDocument {
    const comments: string[] = [];
    let marked = false;
    let line = 0;
    // Comments, blank lines and one `---` (comments above it belong to this document too).
    for (; line < this.lineStarts.length; line++) {
      const at = this.lineContent[line]!;
      if (at === this.lineEnds[line]) continue;
      if (this.text.charCodeAt(at) === HASH) { comments.push(this.text.slice(at + 1, this.lineEnds[line])); continue; }
      if (marked || !this.isMarker(line)) break;
      marked = true;
      const rest = this.after(line, this.lineStarts[line]! + 3);
      if (rest < this.lineEnds[line]!) {
        if (rest === this.lineStarts[line]! + 3 || this.text.charCodeAt(rest) !== HASH) decline();
        comments.push(this.text.slice(rest + 1, this.lineEnds[line]));
      }
    }
    if (line >= this.lineStarts.length) return this.read(null, null, comments);
    // A document of its own is a mapping here; a top-level sequence or scalar goes to the library.
    const indent = this.indent(line);
    if (this.isItem(line, this.lineStarts[line]! + indent) || !this.isKey(line, this.lineStarts[line]! + indent)) decline();
    const contentStart = this.lineStarts[line]! + indent;
    const value = this.mapping(line, indent, 1);
    if (this.next < this.lineStarts.length) decline(); // content left over, less indented than the document: malformed
    return this.read(value, contentStart, comments);
  }

  private read(value: unknown, contentStart: number | null, comments: string[]): ReadDocument {
    return { value, contentStart, comments, itemStarts: this.itemStarts, keyStarts: this.keyStarts, lineOf: lineOfOffsets(this.lineStarts), newlines: this.newlines };
  }

  // --- lines ---------------------------------------------------------------------------------

  /** A `---` line: the start of a document. */
  private isMarker(line: number): boolean {
    const at = this.lineStarts[line]!;
    return this.text.startsWith("---", at) && (at + 3 === this.lineEnds[line] || this.text.charCodeAt(at + 3) === SPACE);
  }

  /** Offset of the first non-space at or after offset `at` of a line (the line's end when none). */
  private after(line: number, at: number): number {
    const end = this.lineEnds[line]!;
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  private indent(line: number): number { return this.lineContent[line]! - this.lineStarts[line]!; }

  /** Blank or comment-only: lines block structure skips. */
  private isSkippable(line: number): boolean {
    const at = this.lineContent[line]!;
    return at === this.lineEnds[line] || this.text.charCodeAt(at) === HASH;
  }

  /** The next line after `line` with content, or the line count. */
  private nextContent(line: number): number {
    let n = line + 1;
    while (n < this.lineStarts.length && this.isSkippable(n)) n++;
    return n;
  }

  /** Whether the rest of a line from `at` is blank or a comment (after at least one space). */
  private restIsEmpty(line: number, at: number): boolean {
    const end = this.lineEnds[line]!;
    if (at === end) return true;
    const next = this.after(line, at);
    return next === end || (next > at && this.text.charCodeAt(next) === HASH);
  }

  /** A `-` sequence indicator at `at`: followed by a space or the line's end. */
  private isItem(line: number, at: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === this.lineEnds[line] || this.text.charCodeAt(at + 1) === SPACE);
  }

  /** Whether the content at `at` is a `key:` entry (a plain or one-line quoted key followed by `:`). */
  private isKey(line: number, at: number): boolean {
    const end = this.lineEnds[line]!;
    const q = this.text[at];
    if (q === '"' || q === "'") {
      const close = this.text.indexOf(q, at + 1);
      return close >= 0 && close < end && this.text.charCodeAt(close + 1) === COLON;
    }
    return q !== "[" && q !== "{" && this.plainKeyEnd(line, at) >= 0;
  }

  /** Offset of the `:` ending a plain key that starts at `at`, or -1. */
  private plainKeyEnd(line: number, at: number): number {
    const end = this.lineEnds[line]!;
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === COLON && (i + 1 === end || this.text.charCodeAt(i + 1) === SPACE)) return i;
      if (c === HASH && i > at && this.text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  // --- collections ---------------------------------------------------------------------------

  /** A block mapping whose keys stand at column `col`; the first key is on `line` (maybe after a "- "). */
  private mapping(line: number, col: number, depth: number): Record<string, unknown> {
    if (depth > MAX_NESTING) decline();
    const map: Record<string, unknown> = {};
    const keyStarts = this.positions ? new Map<string, number>() : undefined;
    if (keyStarts) this.keyStarts.set(map, keyStarts);
    let at = this.lineStarts[line]! + col;
    for (;;) {
      const key = this.key(line, at);
      const valueAt = this.valueAt;
      if (key === "__proto__" || key === "<<" || Object.hasOwn(map, key)) decline();
      keyStarts?.set(key, at);
      map[key] = this.restIsEmpty(line, valueAt) ? this.nestedValue(line, col, depth, key) : this.inlineValue(line, this.after(line, valueAt), col);
      const next = this.next;
      if (next >= this.lineStarts.length) return map;
      const indent = this.indent(next);
      if (indent < col) return map;
      if (indent > col) decline();
      line = next;
      at = this.lineStarts[line]! + col;
      if (this.isItem(line, at)) return map; // a sequence beside its parent's key ends this mapping
    }
  }

  /** A block sequence whose `-` stand at column `col`; the first one is on `line`. */
  private sequence(line: number, col: number, depth: number, ofItems = false): unknown[] {
    if (depth > MAX_NESTING) decline();
    const items: unknown[] = [];
    const starts: number[] | undefined = ofItems || this.positions ? [] : undefined;
    if (starts) this.itemStarts.set(items, starts);
    for (;;) {
      const at = this.after(line, this.lineStarts[line]! + col + 1);
      const itemCol = at - this.lineStarts[line]!;
      let value: unknown;
      if (starts) starts.push(at);
      if (this.restIsEmpty(line, at)) {
        value = this.nestedValue(line, col, depth, null);
        // An item below its "-" starts where its content does; where an empty List item starts is the library's call.
        if (starts && value !== null) starts[starts.length - 1] = this.lineContent[this.nextContent(line)]!;
        else if (ofItems && value === null) decline();
      }
      else if (this.isItem(line, at)) value = this.sequence(line, itemCol, depth + 1);
      else if (this.isKey(line, at)) value = this.mapping(line, itemCol, depth + 1);
      else value = this.inlineValue(line, at, col);
      items.push(value);
      const next = this.next;
      if (next >= this.lineStarts.length) return items;
      const indent = this.indent(next);
      if (indent > col) decline();
      if (indent < col || !this.isItem(next, this.lineStarts[next]! + col)) return items;
      line = next;
    }
  }

  /** The value of a key (null: of an item) whose line ends after its indicator: the block below, or null. */
  private nestedValue(line: number, col: number, depth: number, key: string | null): unknown {
    const next = this.nextContent(line);
    this.next = next;
    if (next >= this.lineStarts.length) return null;
    const indent = this.indent(next);
    const ofItems = key === "items";
    if (indent > col) {
      const at = this.lineStarts[next]! + indent;
      if (this.isItem(next, at)) return this.sequence(next, indent, depth + 1, ofItems);
      if (this.isKey(next, at)) return this.mapping(next, indent, depth + 1);
      // A flow collection on a line of its own (Helm's toYaml writes "{}" so); other scalars there are the library's.
      if (this.text[at] === "[" || this.text[at] === "{") return this.flow(next, at);
      return decline();
    }
    // YAML lets a mapping's value be a sequence at the key's own column.
    if (key !== null && indent === col && this.isItem(next, this.lineStarts[next]! + col)) return this.sequence(next, col, depth + 1, ofItems);
    return null;
  }

  /** The key at `at`; leaves where its value starts (after ": ") in valueAt. */
  private key(line: number, at: number): string {
    const q = this.text[at];
    if (q === '"' || q === "'") {
      const { value, end } = this.quotedOnLine(line, at);
      if (this.text.charCodeAt(end) !== COLON || (end + 1 < this.lineEnds[line]! && this.text.charCodeAt(end + 1) !== SPACE)) decline();
      this.valueAt = end + 1;
      return value;
    }
    const colon = this.plainKeyEnd(line, at);
    if (colon < 0) decline();
    const raw = this.text.slice(at, colon).trimEnd();
    if (raw === "" || PLAIN_START_REFUSED.has(raw[0]!) || raw[0] === "-" || typeof resolvePlain(raw) !== "string") decline();
    this.valueAt = colon + 1;
    return raw;
  }

  // --- scalars -------------------------------------------------------------------------------

  /** A value that starts on its key's or item's line at `at`; `col` is the column of its parent collection. */
  private inlineValue(line: number, at: number, col: number): unknown {
    const c = this.text[at]!;
    if (c === "|") return this.literal(line, at, col);
    if (c === '"' || c === "'") return this.quoted(line, at, col);
    if (c === "[" || c === "{") return this.flow(line, at);
    if (PLAIN_START_REFUSED.has(c) || this.isItem(line, at)) decline();
    return this.plain(line, at, col);
  }

  /** A plain scalar, continued on more-indented lines (folded into one string) unless a comment ends it. */
  private plain(line: number, at: number, col: number): unknown {
    const first = this.plainOnLine(line, at);
    // Most plain scalars are one line, the next line less indented: no continuation to look for.
    const last = line + 1 >= this.lineStarts.length;
    if (this.plainCommented || last || (this.indent(line + 1) <= col && !this.isSkippable(line + 1))) {
      this.next = this.nextContent(line);
      return resolvePlain(first);
    }
    const parts: string[] = [first];
    let breaks = 0;
    let next = line + 1;
    for (; next < this.lineStarts.length; next++) {
      const start = this.lineContent[next]!;
      if (start === this.lineEnds[next]) { breaks++; continue; }
      if (start - this.lineStarts[next]! <= col || this.text.charCodeAt(start) === HASH) break;
      if (PLAIN_START_REFUSED.has(this.text[start]!) || this.text[start] === "-") decline();
      parts.push(breaks ? "\n".repeat(breaks) : " ", this.plainOnLine(next, start));
      breaks = 0;
      if (this.plainCommented) { next++; break; }
    }
    if (parts.length === 1) {
      this.next = this.nextContent(line);
      return resolvePlain(parts[0]!);
    }
    this.next = this.contentFrom(next);
    return parts.join("");
  }

  /** The first line with content at or after `line`, or the line count. */
  private contentFrom(line: number): number {
    return line < this.lineStarts.length && this.isSkippable(line) ? this.nextContent(line) : line;
  }

  /** Whether the plain text plainOnLine just read ended at a comment. */
  private plainCommented = false;

  /** The plain text from `at` to the line's end or its comment; declines text that would be a mapping. */
  private plainOnLine(line: number, at: number): string {
    const end = this.lineEnds[line]!;
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === COLON && (i + 1 === end || this.text.charCodeAt(i + 1) === SPACE)) decline();
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        this.plainCommented = true;
        return this.text.slice(at, i).trimEnd();
      }
    }
    this.plainCommented = false;
    return this.text.slice(at, end).trimEnd();
  }

  /** A quoted scalar that must close on its line: the value and the offset after the closing quote. */
  private quotedOnLine(line: number, at: number): { value: string; end: number } {
    const r = this.quotedText(line, at);
    if (r.open) decline();
    return { value: r.value, end: r.end };
  }

  /** A quoted scalar value, possibly folded over several lines. */
  private quoted(line: number, at: number, col: number): string {
    let r = this.quotedText(line, at);
    const parts = [r.value];
    let breaks = 0;
    // Folding around escapes (an escaped space before a break) is subtle: such scalars go to the library.
    if (r.open && this.text[at] === '"' && this.text.slice(at, this.lineEnds[line]).includes("\\")) decline();
    while (r.open) {
      line++;
      if (line >= this.lineStarts.length) decline();
      const start = this.lineContent[line]!;
      if (start === this.lineEnds[line]) { breaks++; continue; }
      if (start - this.lineStarts[line]! <= col) decline();
      r = this.quotedText(line, start, this.text[at] as '"' | "'");
      if (this.text[at] === '"' && this.text.slice(start, r.end).includes("\\")) decline();
      parts[parts.length - 1] = parts.at(-1)!.trimEnd();
      parts.push(breaks ? "\n".repeat(breaks) : " ", r.value);
      breaks = 0;
    }
    if (!this.restIsEmpty(line, r.end)) decline();
    this.next = this.nextContent(line);
    return parts.join("");
  }

  /**
   * The text of a quoted scalar from `at` (its opening quote, or a continuation line when `quote`
   * is given) to its closing quote or the line's end (`open`: the scalar goes on).
   */
  private quotedText(line: number, at: number, quote?: '"' | "'"): { value: string; end: number; open: boolean } {
    const q = quote ?? this.text[at]!;
    const end = this.lineEnds[line]!;
    let out = "";
    let i = quote ? at : at + 1;
    let from = i;
    for (; i < end; i++) {
      const c = this.text[i];
      if (q === "'" && c === "'") {
        if (this.text[i + 1] === "'") { out += this.text.slice(from, i + 1); i++; from = i + 1; continue; }
        return { value: out + this.text.slice(from, i), end: i + 1, open: false };
      }
      if (q === '"' && c === '"') return { value: out + this.text.slice(from, i), end: i + 1, open: false };
      if (q === '"' && c === "\\") {
        out += this.text.slice(from, i) + this.escape(i, end);
        i += ESCAPE_LENGTH[this.text[i + 1]!] ?? 1;
        from = i + 1;
      }
    }
    return { value: out + this.text.slice(from, end), end, open: true };
  }

  /** The character a double-quoted escape at `at` stands for (escaped line breaks are declined). */
  private escape(at: number, end: number): string {
    const e = this.text[at + 1];
    if (at + 1 >= end || e === undefined) return decline();
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) return simple;
    const length = ESCAPE_LENGTH[e];
    if (length === undefined) return decline();
    const hex = this.text.slice(at + 2, at + 1 + length);
    if (hex.length !== length - 1 || !/^[0-9a-fA-F]+$/.test(hex)) return decline();
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return decline();
    return String.fromCodePoint(code);
  }

  /** A literal block scalar (`|`, `|-`, `|+`, with an optional indentation digit). */
  private literal(line: number, at: number, col: number): string {
    const header = /^\|([-+]?)([1-9]?)([-+]?)/.exec(this.text.slice(at, this.lineEnds[line]))!;
    if (header[1] && header[3]) decline();
    const chomp = header[1] || header[3];
    if (!this.restIsEmpty(line, at + header[0].length)) decline();
    let indent = header[2] ? col + Number(header[2]) : -1;
    const lines: string[] = [];
    let next = line + 1;
    let maxBlank = 0;
    for (; next < this.lineStarts.length; next++) {
      const start = this.lineStarts[next]!, end = this.lineEnds[next]!;
      const spaces = this.lineContent[next]! - start;
      if (this.lineContent[next]! === end && (indent < 0 || spaces <= indent)) {
        if (indent < 0) maxBlank = Math.max(maxBlank, spaces);
        lines.push("");
        continue;
      }
      if (indent < 0) {
        if (spaces <= col || spaces < maxBlank) break;
        indent = spaces;
      }
      if (spaces < indent) break;
      // Spaces past the indentation and nothing else: the library reads such a line as empty, at least at the end.
      if (this.lineContent[next]! === end) decline();
      lines.push(this.text.slice(start + indent, end));
    }
    if (indent < 0) decline(); // no content: the library's rules for empty block scalars apply
    let last = lines.length;
    while (last > 0 && lines[last - 1] === "") last--;
    const body = lines.slice(0, last).join("\n");
    const trailing = lines.length - last;
    const value = chomp === "-" ? body : chomp === "+" ? body + "\n".repeat(trailing + 1) : body + "\n";
    this.next = this.contentFrom(next);
    return value;
  }

  /** A flow collection that closes on its line, followed by nothing but a comment. */
  private flow(line: number, at: number): unknown {
    const { value, end } = this.flowNode(line, at, 1);
    if (!this.restIsEmpty(line, end)) decline();
    this.next = this.nextContent(line);
    return value;
  }

  /** A flow node at `at` (a collection, a quoted or a plain scalar) and the offset after it. */
  private flowNode(line: number, at: number, depth: number): { value: unknown; end: number } {
    if (depth > MAX_NESTING) decline();
    const c = this.text[at];
    if (c === '"' || c === "'") return this.quotedOnLine(line, at);
    if (c !== "[" && c !== "{") {
      const end = this.flowPlainEnd(line, at);
      return { value: resolvePlain(this.text.slice(at, end).trimEnd()), end };
    }
    const close = c === "[" ? "]" : "}";
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    const itemStarts: number[] = [], keyStarts = new Map<string, number>();
    if (this.positions) {
      this.itemStarts.set(items, itemStarts);
      this.keyStarts.set(map, keyStarts);
    }
    let i = this.after(line, at + 1);
    while (this.text[i] !== close) {
      if (c === "[") {
        itemStarts.push(i);
        const item = this.flowNode(line, i, depth + 1);
        items.push(item.value);
        i = item.end;
      } else {
        const key = this.flowNode(line, i, depth + 1);
        const name = key.value;
        // A key is a string (not a collection, number or null) and not one the reader leaves to the library.
        if (typeof name !== "string" || this.text[i] === "[" || this.text[i] === "{" || name === "__proto__" || name === "<<" || Object.hasOwn(map, name)) decline();
        if (this.text[key.end] !== ":" || this.text[key.end + 1] !== " ") decline();
        keyStarts.set(name, i);
        const value = this.flowNode(line, this.after(line, key.end + 1), depth + 1);
        map[name] = value.value;
        i = value.end;
      }
      i = this.after(line, i);
      if (this.text[i] === ",") i = this.after(line, i + 1);
      else if (this.text[i] !== close) decline();
    }
    return { value: c === "[" ? items : map, end: i + 1 };
  }

  /** The end of a plain scalar inside a flow collection; declines one that is empty or uses `:` or `#`. */
  private flowPlainEnd(line: number, at: number): number {
    const end = this.lineEnds[line]!;
    const c = this.text[at];
    if (at >= end || PLAIN_START_REFUSED.has(c!) || (c === "-" && (at + 1 === end || this.text[at + 1] === " " || ",[]{}".includes(this.text[at + 1]!)))) decline();
    let i = at;
    while (i < end && !",[]{}".includes(this.text[i]!)) {
      if (this.text[i] === ":" && (i + 1 === end || this.text[i + 1] === " " || ",[]{}".includes(this.text[i + 1]!))) break;
      if (this.text[i] === "#") decline();
      i++;
    }
    return i;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
};
/** Characters an escape spans after its backslash: one for the simple ones, the digits and the letter for \x, \u, \U. */
const ESCAPE_LENGTH: Record<string, number> = { x: 3, u: 5, U: 9 };

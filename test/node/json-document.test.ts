// The JSON reader answers only where its answer is the YAML library's: on the JSON fixtures, on
// generated manifests printed as JSON (single objects, Lists, streams), and on that JSON damaged at
// random. Where it declines, parseManifests reads the document with the library.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { readJsonDocument } from "../../src/check/json-document";
import { MAX_NESTING } from "../../src/check/document-reader";
import { parseManifests } from "../../src/check/parse";
import { applyEdits, generatedValue, randomEdits, readout, RUNS, SEED, withLibrary } from "./lib/manifest-readout";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const jsonFixtures = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".json")).sort();

/** How JSON printers lay out the same value: kubectl and jq indent by 2 or 4, others print one line; some end lines with CRLF. */
const layout = fc.record({ indent: fc.constantFrom(0, 2, 4), crlf: fc.boolean() });
const printJson = (value: unknown, { indent, crlf }: { indent: number; crlf: boolean }) => {
  const text = JSON.stringify(value, null, indent) + "\n";
  return crlf ? text.replaceAll("\n", "\r\n") : text;
};
const list = (items: unknown[]) => ({ apiVersion: "v1", kind: "List", metadata: { resourceVersion: "" }, items });
const document = fc.oneof(
  generatedValue,
  fc.array(generatedValue, { maxLength: 4 }).map(list),
  fc.array(fc.oneof(generatedValue, fc.array(generatedValue, { maxLength: 2 }).map(list)), { maxLength: 3 }).map(list));

const agrees = (name: string, text: string) => expect(readout(parseManifests(name, text)), JSON.stringify(text)).toEqual(readout(withLibrary(name, text)));

describe("the JSON reader", () => {
  it("reads every JSON fixture, and answers for each, as the YAML library alone does", () => {
    expect(jsonFixtures.length).toBeGreaterThan(0);
    for (const f of jsonFixtures) {
      const text = readFileSync(join(FIXTURES, f), "utf8");
      agrees(f, text);
      if (/^\s*\{/.test(text) && !/\}\s*\{/.test(text)) expect(readJsonDocument(text), f).not.toBeNull();
    }
  });

  it(`reads generated manifests printed as JSON, Lists and nested Lists included, as the library does (${RUNS} cases, seed ${SEED})`, () => {
    let answered = 0;
    fc.assert(fc.property(document, layout, (value, how) => {
      const text = printJson(value, how);
      agrees("doc.json", text);
      if (readJsonDocument(text)) answered++;
    }), { numRuns: RUNS, seed: SEED + 10 });
    expect(answered).toBeGreaterThan(RUNS * 0.9);
  });

  it(`reads generated JSON streams ({…}{…}, one object per line or pretty) as the library does (${RUNS / 5} cases)`, () => {
    fc.assert(fc.property(fc.array(document, { minLength: 2, maxLength: 4 }), layout, fc.constantFrom("", "\n", "\n\n"), (values, how, between) => {
      agrees("stream.json", values.map((v) => printJson(v, how)).join(between));
    }), { numRuns: Math.ceil(RUNS / 5), seed: SEED + 11 });
  });

  it(`declines, or agrees with the library on, generated JSON damaged at random (${RUNS} cases, seed ${SEED})`, () => {
    const edits = randomEdits([" ", ",", ":", '"', "\\", "{", "}", "[", "]", '"a": 1,', '"<<": {},', '"__proto__": {},', '"kind": "X",', "\n", "\t", "\r", "\ufeff", "\u2028", "1e", "-", "null"]);
    let answered = 0;
    fc.assert(fc.property(document, layout, edits, (value, how, changes) => {
      const text = applyEdits(printJson(value, how), changes);
      agrees("damaged.json", text);
      if (readJsonDocument(text)) answered++;
    }), { numRuns: RUNS, seed: SEED + 12 });
    expect(answered).toBeGreaterThan(RUNS * 0.05);
  });

  it.each([
    ["a duplicate key", '{"a": 1, "a": 2}'],
    ["a duplicate key holding another type", '{"a": {"b": 1}, "a": 2}'],
    ["a duplicate key deeper down", '{"a": [{"b": 1, "c": 2, "b": 3}]}'],
    ["a merge key (the library merges it)", '{"<<": {"a": 1}, "b": 2}'],
    ["a __proto__ key", '{"__proto__": {"a": 1}}'],
    ["nesting past the reader's limit", `${'{"a":'.repeat(MAX_NESTING + 1)}1${"}".repeat(MAX_NESTING + 1)}`],
    ["a byte order mark", '\ufeff{"a": 1}'],
    ["a carriage return outside CRLF", '{"a": 1,\r "b": 2}'],
    ["a top-level array", '[{"a": 1}]'],
    ["a document marker before the object", '---\n{"a": 1}'],
    ["text after the object", '{"a": 1} b'],
    ["malformed JSON", '{"a": 1,}'],
    ["YAML flow style", "{a: 1}"],
  ])("declines %s", (_, text) => {
    expect(readJsonDocument(text)).toBeNull();
  });

  it("says where each List item and, when asked, each key starts, as the library's nodes do", () => {
    const text = printJson(list([{ kind: "A", metadata: { name: "x" } }, { kind: "B" }]), { indent: 2, crlf: false });
    const read = readJsonDocument(text, true)!;
    const items = (read.value as { items: unknown[] }).items;
    const node = parseDocument(text).get("items", true) as { items: { range: [number] }[] };
    expect(read.itemStarts.get(items)).toEqual(node.items.map((n) => n.range[0]));
    expect(read.lineOf(read.keyStarts.get(items[1] as object)!.get("kind")!)).toBe(text.split("\n").findIndex((l) => l.includes('"B"')));
  });
});

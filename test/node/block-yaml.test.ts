// The fast block reader answers only where its answer is the YAML library's: checked on every
// manifest fixture, on manifests generated in every style a YAML printer writes, and on those
// manifests damaged at random. Where it declines, parseManifests reads the document with the library.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { Document, parseAllDocuments, parseDocument, visit, type ToStringOptions } from "yaml";
import { describe, expect, it } from "vitest";
import { readBlockDocument } from "../../src/check/block-yaml";
import { documentChunks, parseManifests } from "../../src/check/parse";
import { applyEdits, generatedValue, randomEdits, readout, RUNS, SEED, withLibrary } from "./lib/manifest-readout";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const fixtureFiles = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();

/** The ways a YAML printer writes the same value: folded lines, quoting, indentation, flow or block. */
const printerOptions: fc.Arbitrary<ToStringOptions & { flowSeed: number }> = fc.record({
  flowSeed: fc.nat(),
  lineWidth: fc.constantFrom(0, 20, 40, 80), minContentWidth: fc.constantFrom(0, 5, 20), indent: fc.constantFrom(2, 4), indentSeq: fc.boolean(),
  defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED"),
  defaultKeyType: fc.constantFrom(null, "PLAIN", "QUOTE_DOUBLE"), doubleQuotedAsJSON: fc.boolean(), collectionStyle: fc.constantFrom("any", "block"),
} as const);

/** The value printed as YAML, about a third of its collections (picked by `flowSeed`) in flow style. */
function print(value: unknown, { flowSeed, ...options }: ToStringOptions & { flowSeed: number }): string {
  const doc = new Document(value);
  let r = flowSeed;
  visit(doc, { Collection(_, node) { r = (r * 1103515245 + 12345) % 2147483648; if (r % 3 === 0) node.flow = true; } });
  return doc.toString(options);
}

/** Checks one text; returns whether the fast reader answered. */
function agreesWithLibrary(text: string): boolean {
  const fast = readBlockDocument(text);
  if (fast === null) return false;
  const doc = parseDocument(text);
  expect(doc.errors.map((e) => e.message), JSON.stringify(text)).toEqual([]);
  if (!isDeepStrictEqual(fast.value, doc.toJS())) expect(fast.value, JSON.stringify(text)).toStrictEqual(doc.toJS());
  return true;
}

describe("the fast block reader", () => {
  it("reads every manifest fixture as the YAML library alone does: objects, errors, values and field lines", () => {
    for (const f of fixtureFiles) {
      const text = readFileSync(join(FIXTURES, f), "utf8");
      expect(readout(parseManifests(f, text)), f).toEqual(readout(withLibrary(f, text)));
    }
  });

  it("answers for most documents of the fixtures (the rest go to the library)", () => {
    const chunks = fixtureFiles.flatMap((f) => {
      const text = readFileSync(join(FIXTURES, f), "utf8");
      return documentChunks(text).map((c) => text.slice(c.start, c.end));
    });
    const answered = chunks.filter((c) => readBlockDocument(c) !== null).length;
    expect(answered / chunks.length).toBeGreaterThan(0.75);
  });

  it(`agrees with the library on generated manifests in every printer style (${RUNS} cases, seed ${SEED})`, () => {
    let answered = 0;
    fc.assert(fc.property(generatedValue, printerOptions, (value, options) => { if (agreesWithLibrary(print(value, options))) answered++; }), { numRuns: RUNS, seed: SEED });
    expect(answered).toBeGreaterThan(RUNS * 0.3);
  });

  it(`declines, or agrees with the library on, generated manifests damaged at random (${RUNS} cases, seed ${SEED})`, () => {
    const edits = randomEdits([" ", ":", "-", "#", "'", '"', "|", ">", "\n", "[", "]", "{", "}", ",", "&", "*", "!", "?", "\\", "a", "  ", "\n  ", "x: ", "- "]);
    let answered = 0;
    fc.assert(fc.property(generatedValue, printerOptions, edits, (value, options, changes) => {
      if (agreesWithLibrary(applyEdits(print(value, options), changes))) answered++;
    }), { numRuns: RUNS, seed: SEED + 1 });
    expect(answered).toBeGreaterThan(RUNS * 0.05);
  });

  it(`reads generated multi-document streams (Helm comments, empty documents, Lists) as the library alone does (${RUNS / 5} cases)`, () => {
    const document = fc.oneof(
      fc.tuple(generatedValue, printerOptions).map(([v, o]) => print(v, o)),
      fc.tuple(fc.array(generatedValue, { maxLength: 3 }), printerOptions).map(([items, o]) => print({ apiVersion: "v1", kind: "List", items }, o)),
      fc.constantFrom("", "# only a comment\n", "apiVersion: v1\nkind: ConfigMap\n"));
    const comment = fc.constantFrom("", "# Source: chart/templates/a.yaml\n", "\n# Source: chart/templates/b.yaml\n\n", "# a note\n");
    fc.assert(fc.property(fc.array(fc.tuple(comment, document), { minLength: 1, maxLength: 5 }), fc.boolean(), (docs, leadingMarker) => {
      const text = (leadingMarker ? "---\n" : "") + docs.map(([c, d]) => c + d).join("---\n");
      const fast = parseManifests("stream.yaml", text);
      expect(readout(fast)).toEqual(readout(withLibrary("stream.yaml", text)));
      // Documents are numbered as the library numbers the whole stream.
      const whole = parseAllDocuments(text);
      if (!Array.isArray(whole) || whole.some((d) => d.errors.length)) return;
      const numbered = whole.flatMap((d, i) => (d.toJS() === null ? [] : [i + 1]));
      expect([...new Set(fast.objects.map((o) => o.location.document))]).toEqual(numbered.filter((n) => fast.objects.some((o) => o.location.document === n)));
    }), { numRuns: Math.ceil(RUNS / 5), seed: SEED + 2 });
  });

  it.each([
    ["an anchor and an alias", "a: &x 1\nb: *x\n"],
    ["a tag", "a: !!str 1\n"],
    ["a merge key", "<<: {a: 1}\nb: 2\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["a folded block scalar", "a: >\n  x\n"],
    ["a literal line of spaces past its indentation (the library reads it as empty)", "a: |2-\n    \nb: 1\n"],
    ["a flow collection over several lines", "a: {b: 1,\n  c: 2}\n"],
    ["a tab", "a:\tb\n"],
    ["a key that is not a string", "1: a\n"],
    ["a top-level sequence", "- a\n"],
    ["a directive", "%YAML 1.2\n---\na: 1\n"],
  ])("declines %s", (_, text) => {
    expect(readBlockDocument(text)).toBeNull();
  });
});

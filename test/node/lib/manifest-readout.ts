// What the fast readers' tests compare with the YAML library: the whole read of a text (objects,
// errors, definitions, each object's value and the lines of its fields), and generated manifests.
import fc from "fast-check";
import { parseManifestsWith, type ParsedManifests } from "../../../src/check/parse";
import type { FieldStep } from "../../../src/fields/walk-fields";

/** npm test runs a bounded number of cases with a fixed seed; `npm run fuzz` many more with a fresh seed (in the test names). */
export const RUNS = Number(process.env.FUZZ_RUNS || 1500);
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20261129;

/** The YAML library alone: a fast reader that declines everything. */
export const withLibrary = (source: string, text: string) => parseManifestsWith(source, text, () => null);

/** Every key path of a value down to `depth` levels, as field steps. */
function paths(value: unknown, depth: number, prefix: FieldStep[] = []): FieldStep[][] {
  if (depth === 0 || typeof value !== "object" || value === null) return [];
  const entries: [FieldStep, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, depth - 1, [...prefix, k])]);
}

/** What a read says: objects, errors, definitions, each object's value and the lines of its fields. */
export function readout(parsed: ParsedManifests) {
  return {
    objects: parsed.objects, errors: parsed.errors, definitions: parsed.definitions,
    sources: parsed.objects.map((o) => {
      const s = parsed.sources.get(o)!;
      return { value: s.value, lines: paths(s.value, 3).map((p) => [p.join("."), s.line(p)]) };
    }),
  };
}

/** A manifest-like mapping: awkward strings and keys, numbers, booleans, nulls, nested a few levels. */
export const generatedValue = (() => {
  const text = fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9 .:#\-'"\\\n/]{0,30}$/),
    fc.constantFrom("null", "~", "true", "False", "0o17", "0x1F", "1e3", ".5", "1.", "-0", "+12", ".inf", "-.Inf", ".NaN", "yes", "on",
      "a: b", "a #b", "- x", "# c", "'q'", '"d"', "|", "x\ny", "  lead", "trail  ", "a\n\nb\n", "", ":x", "-x", "?x", "@x", "[a]", "{a}", "a,b"));
  const leaf = fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const key = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("apiVersion", "kind", "metadata", "items", "1", "true", "null", "a b", "x:y", "-k"));
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(key, tie("value"), { maxKeys: 5 })),
  }));
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });
})();

/** One to three random edits of a text: at a position, insert one of `inserts` and remove up to 3 characters. */
export const randomEdits = (inserts: string[]) => fc.array(fc.tuple(fc.nat(), fc.constantFrom(...inserts), fc.nat(3)), { minLength: 1, maxLength: 3 });

export function applyEdits(text: string, edits: [number, string, number][]): string {
  for (const [position, insert, remove] of edits) {
    const at = position % (text.length + 1);
    text = text.slice(0, at) + insert + text.slice(at + remove);
  }
  return text;
}

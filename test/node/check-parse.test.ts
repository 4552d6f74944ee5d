import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifests } from "../../src/check/parse";
import { MAX_DEPTH } from "../../src/check/limits";

const FIXTURES = join(import.meta.dirname, "../fixtures/manifests");
const fixture = (name: string) => readFileSync(join(FIXTURES, name), "utf8");
const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}level${i}:`).join("\n") + " leaf\n";

describe("reading manifests", () => {
  it("reports each object of a multi-document file with its document, line, name, namespace and Helm template", () => {
    const { objects, errors } = parseManifests("legacy-ingress.yaml", fixture("ingress-nginx/legacy-ingress.yaml"));
    expect(errors).toEqual([]);
    expect(objects.map((o) => o.kind)).toEqual(["ServiceAccount", "ConfigMap", "ClusterRole", "Deployment", "Service", "Ingress"]);
    const ingress = objects.at(-1)!;
    const lines = fixture("ingress-nginx/legacy-ingress.yaml").split("\n");
    expect(lines[ingress.location.line - 1]).toBe("apiVersion: extensions/v1beta1");
    expect(ingress).toMatchObject({ apiVersion: "extensions/v1beta1", name: "web", namespace: "shop", problem: null,
      location: { source: "legacy-ingress.yaml", document: 6, item: null, template: "app/templates/ingress.yaml" } });
  });

  it("flattens List objects, locating each item", () => {
    const { objects } = parseManifests("list.json", fixture("list.json"));
    expect(objects.map((o) => [o.kind, o.location.item, o.location.document])).toEqual([["ConfigMap", 0, 1], ["CronJob", 1, 1]]);
    const lines = fixture("list.json").split("\n");
    expect(lines[objects[1]!.location.line - 1]!.trim()).toBe("{");
    expect(lines[objects[1]!.location.line]!).toContain('"apiVersion": "batch/v1beta1"');
  });

  it("reports malformed YAML with its document and line and still reads the documents around it", () => {
    const { objects, errors } = parseManifests("malformed.yaml", fixture("malformed.yaml"));
    expect(objects.map((o) => o.name)).toEqual(["before", "after"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: "malformed.yaml", document: 2, reason: "MalformedYAML" });
    expect(errors[0]!.line).toBeGreaterThanOrEqual(11);
    expect(errors[0]!.line).toBeLessThanOrEqual(12);
  });

  it("reports objects without apiVersion or kind instead of skipping them", () => {
    const { objects } = parseManifests("missing-fields.yaml", fixture("missing-fields.yaml"));
    expect(objects.map((o) => [o.name, o.problem])).toEqual([
      ["no-api-version", "object has no apiVersion"],
      ["no-kind", "object has no kind"],
      ["fine", null],
    ]);
  });

  it("reads merge keys and refuses duplicate keys, as kubectl does", () => {
    const merged = parseManifests("x", "base: &base {apiVersion: v1, kind: ConfigMap}\n<<: *base\nmetadata: {name: m}\n");
    expect(merged.objects).toMatchObject([{ apiVersion: "v1", kind: "ConfigMap", name: "m", problem: null }]);
    const dup = parseManifests("x", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n");
    expect(dup.errors).toMatchObject([{ document: 1, line: 3, reason: "MalformedYAML" }]);
  });

  it("reports a document that is not a mapping", () => {
    const { objects } = parseManifests("x", "- a\n- b\n");
    expect(objects[0]!.problem).toBe("document is a sequence, not an object");
  });

  it("skips empty documents, as kubectl does", () => {
    const { objects, errors } = parseManifests("x", "---\n# nothing here\n---\n---\napiVersion: v1\nkind: Pod\n");
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.kind, o.location.document])).toEqual([["Pod", 3]]);
  });

  it("refuses a YAML alias bomb without expanding it", () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (const [prev, x] of [..."abcdefgh"].map((p, i) => [p, "bcdefghi"[i]!])) bomb += `${x}: &${x} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    const { objects, errors } = parseManifests("bomb.yaml", `apiVersion: v1\nkind: Pod\n---\n${bomb}`);
    expect(objects.map((o) => o.kind)).toEqual(["Pod"]);
    expect(errors).toMatchObject([{ document: 2, line: 4, reason: "TooManyAliases" }]);
  });

  it("refuses flow collections nested beyond the limit, and reads the next document", () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const { objects, errors } = parseManifests("deep.yaml", `apiVersion: v1\nkind: Pod\n---\nspec: ${deep}\n---\napiVersion: v1\nkind: Service\n`);
    expect(objects.map((o) => [o.kind, o.location.document, o.location.line])).toEqual([["Pod", 1, 1], ["Service", 3, 6]]);
    expect(errors).toMatchObject([{ document: 2, line: 4, reason: "TooDeep" }]);
  });

  it("refuses compact block sequences nested beyond the limit", () => {
    const { errors } = parseManifests("deep.yaml", "- ".repeat(100_000) + "x\n");
    expect(errors).toMatchObject([{ document: 1, line: 1, reason: "TooDeep" }]);
  });

  it("refuses indented block mappings nested beyond the limit", () => {
    const { errors } = parseManifests("deep.yaml", nested(MAX_DEPTH + 5));
    expect(errors).toMatchObject([{ document: 1, reason: "TooDeep" }]);
  });

  it("accepts deep but sane nesting, like a CRD's schema", () => {
    const { objects, errors } = parseManifests("crd.yaml", `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nspec:\n${nested(60).replace(/^/gm, "  ")}`);
    expect(errors).toEqual([]);
    expect(objects.map((o) => o.kind)).toEqual(["CustomResourceDefinition"]);
  });

  it("counts brackets inside strings and block scalars as text, not nesting", () => {
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "${"[".repeat(500)}"\n  b: |\n    ${"{".repeat(500)}\n`;
    expect(parseManifests("cm.yaml", text)).toMatchObject({ errors: [], objects: [{ kind: "ConfigMap" }] });
  });

  // 64,000 empty comment lines made the old Helm `# Source:` regex backtrack for 17 s; the bench times it.
  it("reads an object after 64,000 empty comment lines, without a Helm template", () => {
    const { objects, errors } = parseManifests("comments.yaml", "#\n".repeat(64_000) + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after-comments\n");
    expect(errors).toEqual([]);
    expect(objects).toMatchObject([{ kind: "ConfigMap", name: "after-comments", location: { line: 64_001, template: null } }]);
  });

  it("finds the Helm template named after 64,000 empty comment lines", () => {
    const text = "#\n".repeat(64_000) + "# Source: shop/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n";
    expect(parseManifests("helm.yaml", text).objects[0]?.location.template).toBe("shop/templates/configmap.yaml");
  });
});

describe("inputs kubectl reads", () => {
  const lineOf = (file: string, line: number) => fixture(file).split("\n")[line - 1];

  it("flattens Lists nested in Lists at every level, locating the innermost items", () => {
    const { objects, errors } = parseManifests("nested-list.yaml", fixture("inputs/nested-list.yaml"));
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.kind, o.name, o.location.item])).toEqual([["ConfigMap", "backup-settings", 0], ["ServiceAccount", "backup", 0], ["CronJob", "etcd-backup", 1]]);
    expect(lineOf("inputs/nested-list.yaml", objects[2]!.location.line)).toBe("  - apiVersion: batch/v1beta1");
  });

  it("reads concatenated JSON objects, one document each, at their own lines (kubectl create --dry-run -o json twice)", () => {
    const { objects, errors } = parseManifests("dry-run.json", fixture("inputs/dry-run-concatenated.json"));
    expect(errors).toEqual([]);
    expect(objects.map((o) => [o.kind, o.apiVersion, o.location.document])).toEqual([["Deployment", "apps/v1", 1], ["CronJob", "batch/v1beta1", 2]]);
    expect(objects.map((o) => lineOf("inputs/dry-run-concatenated.json", o.location.line))).toEqual(["{", "{"]);
    expect(objects[1]!.location.line).toBe(fixture("inputs/dry-run-concatenated.json").split("\n").indexOf("}") + 2);
  });

  it("reads JSON objects written back to back on one line", () => {
    const text = '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"a{b"}}{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"q\\"}"}}\n';
    expect(parseManifests("x.json", text).objects.map((o) => [o.kind, o.name, o.location.line])).toEqual([["Namespace", "a{b", 1], ["ServiceAccount", 'q"}', 1]]);
  });

  it("reports one error per unreadable document, not one per parser message", () => {
    const { objects, errors } = parseManifests("two-broken.yaml", fixture("inputs/two-broken-documents.yaml"));
    expect(errors.map((e) => e.document)).toEqual([2, 3]);
    expect(objects.map((o) => o.name)).toEqual(["fine", "also-fine"]);
  });

  it("calls a number apiVersion invalid, not missing", () => {
    const [o] = parseManifests("cm.yaml", fixture("inputs/unquoted-api-version.yaml")).objects;
    expect(o).toMatchObject({ apiVersion: null, kind: "ConfigMap" });
    expect(o!.problem).toBe('invalid apiVersion value: the number 1, not a string such as "apps/v1" (quote it)');
  });
});

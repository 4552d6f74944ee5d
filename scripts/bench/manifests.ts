// Check inputs for the bench: N objects cycled from the repository's manifest fixtures (real public
// chart and app shapes: served, deprecated, removed and custom kinds), each with its own name.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";
import { REPO } from "./bundle";

const FIXTURES = join(REPO, "test/fixtures/manifests");

type KubeObject = { apiVersion: string; kind: string; metadata?: { name?: string } };

function fixtureObjects(): KubeObject[] {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml")).sort();
  const objects: KubeObject[] = [];
  for (const f of files) {
    for (const doc of parseAllDocuments(readFileSync(join(FIXTURES, f), "utf8"))) {
      if (doc.errors.length) continue; // the malformed fixtures exist to fail; the bench wants clean input
      const o = doc.toJS() as Partial<KubeObject> | null;
      if (o && typeof o.apiVersion === "string" && typeof o.kind === "string") objects.push(o as KubeObject);
    }
  }
  return objects;
}

function manifestObjects(count: number): KubeObject[] {
  const pool = fixtureObjects();
  return Array.from({ length: count }, (_, i) => {
    const o = structuredClone(pool[i % pool.length]!);
    o.metadata = { ...o.metadata, name: `${o.metadata?.name ?? "object"}-${i}` };
    return o;
  });
}

/** Multi-document YAML of `count` objects. */
export function manifestYaml(count: number): string {
  return manifestObjects(count).map((o) => stringify(o)).join("---\n");
}

/** The same objects as one List, as `kubectl get -o json` prints it (4-space indent; 0 for one line). */
export function manifestJsonList(count: number, indent = 4): string {
  return JSON.stringify({ apiVersion: "v1", kind: "List", items: manifestObjects(count), metadata: { resourceVersion: "" } }, null, indent) + "\n";
}

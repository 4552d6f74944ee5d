// Builds every KV entry from the files of a snapshots folder, given as path -> text.
// Pure, so the Node seeder/publisher and the workerd tests build exactly the same entries.
// Values are content-addressed (see keys.ts); the catalog, which names them, comes last.
import { documentKey } from "../snapshot/documents";
import { LifecycleTable } from "../snapshot/lifecycle";
import { Manifest } from "../snapshot/manifest";
import { modelOfDocuments } from "../snapshot/model";
import { sha256Hex, toWire } from "../snapshot/wire";
import { buildCatalog, type PublishedSnapshot } from "./catalog";
import { CATALOG_KEY, documentKvKey, fieldsKvKey, indexKvKey, lifecycleKvKey } from "./keys";

export interface KvEntry { key: string; value: string }

/** `files` maps paths relative to the snapshots folder ("1.29/apis.json", "lifecycle.json") to their text. */
export async function buildKvEntries(files: Record<string, string>): Promise<KvEntry[]> {
  // Keyed by name: snapshots that share a document share its entry.
  const values = new Map<string, string>();
  const published: PublishedSnapshot[] = [];
  const manifests = Object.keys(files).filter((f) => /^[^/]+\/manifest\.json$/.test(f)).sort();
  for (const file of manifests) {
    const id = file.slice(0, file.indexOf("/"));
    const manifest = Manifest.parse(JSON.parse(files[file]!));
    if (manifest.id !== id) throw new Error(`${file}: manifest id ${manifest.id} differs from its folder`);
    const bodies = new Map<string, { body: unknown }>();
    for (const d of manifest.documents) {
      const text = files[`${id}/${d.file}`];
      if (text === undefined) throw new Error(`${id}/${d.file} is listed in the manifest but missing`);
      const body = JSON.parse(text);
      const wire = toWire(body);
      if ((await sha256Hex(wire)) !== d.sha256) throw new Error(`${id}/${d.file}: content differs from the manifest's sha256`);
      bodies.set(documentKey(d), { body });
      values.set(documentKvKey(d.sha256), wire);
    }
    const groups = modelOfDocuments(bodies);
    const index = JSON.stringify(groups);
    const indexSha = await sha256Hex(index);
    values.set(indexKvKey(indexSha), index);
    if (manifest.fields) {
      const text = files[`${id}/${manifest.fields.file}`];
      if (text === undefined) throw new Error(`${id}/${manifest.fields.file} is listed in the manifest but missing`);
      if ((await sha256Hex(text)) !== manifest.fields.sha256) throw new Error(`${id}/${manifest.fields.file}: content differs from the manifest's sha256`);
      values.set(fieldsKvKey(manifest.fields.sha256), text);
    }
    published.push({ manifest, groups, index: indexSha });
  }
  let lifecycle: string | null = null;
  if (files["lifecycle.json"] !== undefined) {
    const table = JSON.stringify(LifecycleTable.parse(JSON.parse(files["lifecycle.json"])));
    lifecycle = await sha256Hex(table);
    values.set(lifecycleKvKey(lifecycle), table);
  }
  const generation = await sha256Hex(Object.keys(files).sort().map((f) => `${f}\n${files[f]}`).join("\n"));
  const entries = [...values].map(([key, value]) => ({ key, value }));
  entries.push({ key: CATALOG_KEY, value: JSON.stringify(buildCatalog(published, lifecycle, generation)) });
  return entries;
}

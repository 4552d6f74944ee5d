// Builds every KV entry from the files of a snapshots folder, given as path -> text.
// Pure, so the Node seeder/publisher and the workerd tests build exactly the same entries.
import { documentKey } from "../snapshot/documents";
import { LifecycleTable } from "../snapshot/lifecycle";
import { Manifest } from "../snapshot/manifest";
import { modelOfDocuments } from "../snapshot/model";
import { sha256Hex, toWire } from "../snapshot/wire";
import { buildCatalog } from "./catalog";
import { CATALOG_KEY, documentKvKey, fieldsKvKey, indexKvKey, LIFECYCLE_KEY } from "./keys";

export interface KvEntry { key: string; value: string }

/** `files` maps paths relative to the snapshots folder ("1.29/apis.json", "lifecycle.json") to their text. */
export async function buildKvEntries(files: Record<string, string>): Promise<KvEntry[]> {
  const entries: KvEntry[] = [];
  const published: Parameters<typeof buildCatalog>[0] = [];
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
      entries.push({ key: documentKvKey(id, d.form, d.path), value: wire });
    }
    const groups = modelOfDocuments(bodies);
    entries.push({ key: indexKvKey(id), value: JSON.stringify(groups) });
    if (manifest.fields) {
      const text = files[`${id}/${manifest.fields.file}`];
      if (text === undefined) throw new Error(`${id}/${manifest.fields.file} is listed in the manifest but missing`);
      if ((await sha256Hex(text)) !== manifest.fields.sha256) throw new Error(`${id}/${manifest.fields.file}: content differs from the manifest's sha256`);
      entries.push({ key: fieldsKvKey(id), value: text });
    }
    published.push({ manifest, groups });
  }
  if (files["lifecycle.json"] !== undefined) {
    entries.push({ key: LIFECYCLE_KEY, value: JSON.stringify(LifecycleTable.parse(JSON.parse(files["lifecycle.json"]))) });
  }
  const generation = await sha256Hex(Object.keys(files).sort().map((f) => `${f}\n${files[f]}`).join("\n"));
  entries.push({ key: CATALOG_KEY, value: JSON.stringify(buildCatalog(published, generation)) });
  return entries;
}

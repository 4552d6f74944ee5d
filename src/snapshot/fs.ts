// Reading and writing snapshot folders (Node only).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { compareSnapshotIds } from "./ids";
import { documentKey, fileFor, refForFile, schemaFor, type DocumentRef } from "./documents";
import { Manifest, type DocumentEntry } from "./manifest";
import { byteLength, sha256Hex, toFile, toWire } from "./wire";

export interface SnapshotDocument { ref: DocumentRef; body: unknown }
export interface LoadedSnapshot { dir: string; manifest: Manifest; documents: Map<string, SnapshotDocument> }
/** A file a snapshot carries besides its documents (the field index), written as is. */
export interface SnapshotFile { file: string; text: string }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export { compareSnapshotIds };

export function listSnapshotIds(root: string): string[] {
  return readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory()).sort(compareSnapshotIds);
}

/** Loads a snapshot folder, validating the manifest and every document against its schema and hash. */
export async function loadSnapshot(dir: string): Promise<LoadedSnapshot> {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")));
  const documents = new Map<string, SnapshotDocument>();
  const listed = new Set([...manifest.documents.map((d) => d.file), ...(manifest.fields ? [manifest.fields.file] : [])]);
  for (const file of walk(dir).map((p) => relative(dir, p).split(sep).join("/"))) {
    if (file !== "manifest.json" && !listed.has(file)) throw new Error(`${dir}: ${file} is not listed in the manifest`);
  }
  for (const entry of manifest.documents) {
    const ref = refForFile(entry.file);
    if (ref.path !== entry.path || ref.form !== entry.form) throw new Error(`${dir}: ${entry.file} does not hold ${entry.form} ${entry.path}`);
    const body = JSON.parse(readFileSync(join(dir, entry.file), "utf8"));
    const result = schemaFor(ref).safeParse(body);
    if (!result.success) throw new Error(`${dir}/${entry.file}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const wire = toWire(body);
    if ((await sha256Hex(wire)) !== entry.sha256) throw new Error(`${dir}/${entry.file}: content hash differs from the manifest`);
    documents.set(documentKey(ref), { ref, body });
  }
  if (manifest.fields && (await sha256Hex(readFileSync(join(dir, manifest.fields.file), "utf8"))) !== manifest.fields.sha256) {
    throw new Error(`${dir}/${manifest.fields.file}: content hash differs from the manifest`);
  }
  return { dir, manifest, documents };
}

/** Validates and writes a snapshot folder (replacing it), computing the manifest's document entries. */
export async function writeSnapshot(dir: string, manifest: Omit<Manifest, "documents">, docs: SnapshotDocument[], extra: SnapshotFile[] = []): Promise<Manifest> {
  const entries: DocumentEntry[] = [];
  for (const { ref, body } of docs) {
    const result = schemaFor(ref).safeParse(body);
    if (!result.success) throw new Error(`${manifest.id} ${ref.form} ${ref.path}: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const wire = toWire(body);
    entries.push({ path: ref.path, form: ref.form, file: fileFor(ref), sha256: await sha256Hex(wire), bytes: byteLength(wire) });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const full = Manifest.parse({ ...manifest, documents: entries });
  rmSync(dir, { recursive: true, force: true });
  for (const { ref, body } of docs) {
    const file = join(dir, fileFor(ref));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, toFile(body));
  }
  for (const { file, text } of extra) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, "manifest.json"), toFile(full));
  return full;
}

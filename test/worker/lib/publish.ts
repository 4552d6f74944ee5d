// Publishing to the test's real KV namespace the way `npm run publish` does (src/store/publish.ts),
// and reading back what the worker serves, document by document.
import { env } from "cloudflare:test";
import { vi } from "vitest";
import { Catalog } from "../../../src/store/catalog";
import { buildKvEntries } from "../../../src/store/entries";
import { namespaceTarget, publishEntries, type PublishTarget } from "../../../src/store/publish";
import { Manifest } from "../../../src/snapshot/manifest";
import { sha256Hex, toWire } from "../../../src/snapshot/wire";
import { contentTypeFor } from "../../../src/worker/negotiate";
import type { Env } from "../../../src/worker/env";
import app from "../../../src/worker/index";
import { CATALOG_TTL_MS } from "../../../src/worker/store";
import { SNAPSHOT_FILES } from "./seed";

export const kvTarget = (): PublishTarget => namespaceTarget(env.SNAPSHOTS);

export async function publish(files: Record<string, string>, target: PublishTarget = kvTarget()): Promise<void> {
  await publishEntries(target, await buildKvEntries(files), { batch: 25 });
}

/** The bundled files of these snapshots, and the lifecycle table. */
export const filesOf = (...ids: string[]): Record<string, string> =>
  Object.fromEntries(Object.entries(SNAPSHOT_FILES).filter(([f]) => ids.some((id) => f.startsWith(`${id}/`)) || f === "lifecycle.json"));

/**
 * A snapshot rebuilt with one legacy document changed, as a fixed build rule changes it: the
 * document's last resource is dropped and the manifest's sha256 and size follow.
 */
export async function rebuilt(files: Record<string, string>, id: string, file: string): Promise<Record<string, string>> {
  const doc = JSON.parse(files[`${id}/${file}`]!) as { resources: unknown[] };
  doc.resources.pop();
  const manifest = Manifest.parse(JSON.parse(files[`${id}/manifest.json`]!));
  const wire = toWire(doc);
  const sha256 = await sha256Hex(wire);
  const documents = manifest.documents.map((d) => (d.file === file ? { ...d, sha256, bytes: new TextEncoder().encode(wire).length } : d));
  return {
    ...files,
    [`${id}/${file}`]: JSON.stringify(doc, null, 2) + "\n",
    [`${id}/manifest.json`]: JSON.stringify({ ...manifest, documents }, null, 2) + "\n",
  };
}

let clock = 0;
/** Moves the worker's clock (same isolate as the test) past the catalog's TTL, so it reads the catalog again. */
export function pastCatalogTtl(): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  clock = Math.max(clock, Date.now()) + CATALOG_TTL_MS + 1;
  vi.setSystemTime(clock);
}

/**
 * The test's KV binding as a reader that has not read the catalog yet (the worker keeps the catalog
 * per binding): what a fresh isolate, or any isolate after the catalog's TTL, sees. Values the worker
 * verified before stay in its isolate memory, as they do in production.
 */
export function freshReader(): Env {
  return { SNAPSHOTS: new Proxy(env.SNAPSHOTS, { get: (t, p) => { const v = Reflect.get(t, p, t); return typeof v === "function" ? v.bind(t) : v; } }) };
}

/** Every document of every snapshot a fresh reader is served: "id form path" -> "status sha256-of-body ETag". */
export async function served(reader: Env = freshReader()): Promise<{ generation: string; documents: Map<string, string> }> {
  const catalog = Catalog.parse(JSON.parse((await env.SNAPSHOTS.get("catalog"))!));
  const ids = ((await (await app.request("/v1/versions", {}, reader)).json()) as { items: { id: string }[] }).items.map((i) => i.id);
  const keys = ids.flatMap((id) => Object.keys(catalog.snapshots.find((s) => s.id === id)!.documents).map((key) => [id, key] as const));
  const documents = new Map(await Promise.all(keys.map(async ([id, key]) => {
    const [form, path] = key.split(" ") as [Parameters<typeof contentTypeFor>[0], string];
    const res = await app.request(`/k8s/${id}${path}`, { headers: { accept: contentTypeFor(form) } }, reader);
    return [`${id} ${key}`, `${res.status} ${await sha256Hex(await res.text())} ${res.headers.get("etag")}`] as const;
  })));
  return { generation: catalog.generation, documents };
}

/** What serving these files whole looks like: every document 200, its body hashing to its ETag. */
export async function expectedServing(files: Record<string, string>): Promise<{ generation: string; documents: Map<string, string> }> {
  const catalog = Catalog.parse(JSON.parse((await buildKvEntries(files)).at(-1)!.value));
  const documents = new Map<string, string>();
  for (const s of catalog.snapshots) for (const [key, sha] of Object.entries(s.documents)) documents.set(`${s.id} ${key}`, `200 ${sha} "${sha}"`);
  return { generation: catalog.generation, documents };
}

// The snapshots kds works with offline: the release snapshots bundled with the package (read
// from one prebuilt file, dist/cli/snapshots.json, so start-up reads no discovery documents)
// plus the user's own captures (--snapshots DIR), resolved with the worker's catalog and aliases.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { GroupModels, type GroupModel } from "../discovery/model";
import { FieldIndex } from "../fields/field-index";
import type { SnapshotEntry, SnapshotIndex, SnapshotSource } from "../diff/snapshot-index";
import { listSnapshotIds, loadSnapshot } from "../snapshot/fs";
import { LifecycleTable } from "../snapshot/lifecycle";
import { Manifest } from "../snapshot/manifest";
import { modelOfDocuments } from "../snapshot/model";
import { buildCatalog, resolveTarget, type Catalog } from "../store/catalog";
import { releaseHistory, type ReleaseHistory } from "../timeline/history";
import { UsageError } from "./exit-codes";

/** Snapshots with their discovery model: what the CLI needs of a snapshot folder. */
export const SnapshotBundle = z.object({
  kind: z.literal("SnapshotBundle"),
  snapshots: z.array(z.object({ manifest: Manifest, groups: GroupModels, fields: FieldIndex.nullable() }).strict()),
  lifecycle: LifecycleTable.nullable(),
}).strict();
export type SnapshotBundle = z.infer<typeof SnapshotBundle>;

/** Written by npm run build (scripts/build-cli.mjs) next to the built CLI; the path also holds from src/cli. */
export const BUNDLE_FILE = new URL("../../dist/cli/snapshots.json", import.meta.url);

/**
 * Reads and validates a snapshot folder (manifest, every document's schema and sha256) or a folder
 * of them, with its lifecycle.json when it has one. Errors name the folder and what is wrong.
 */
export async function bundleOfFolder(dir: string): Promise<SnapshotBundle> {
  let isDir = false;
  try { isDir = statSync(dir).isDirectory(); } catch { /* reported below */ }
  if (!isDir) throw new UsageError(`snapshot folder ${dir} does not exist`);
  const single = existsSync(join(dir, "manifest.json"));
  const folders = single ? [dir] : listSnapshotIds(dir).filter((id) => existsSync(join(dir, id, "manifest.json"))).map((id) => join(dir, id));
  if (!folders.length) throw new UsageError(`${dir} holds no snapshot: neither a manifest.json (a folder written by kds capture --out) nor subfolders with one`);
  const snapshots = [];
  for (const folder of folders) {
    try {
      const { manifest, documents } = await loadSnapshot(folder);
      const fields = manifest.fields ? FieldIndex.parse(JSON.parse(readFileSync(join(folder, manifest.fields.file), "utf8"))) : null;
      snapshots.push({ manifest, groups: modelOfDocuments(documents), fields });
    } catch (e) {
      throw new UsageError(`${folder} is not a valid snapshot: ${(e as Error).message}`);
    }
  }
  const lifecycleFile = join(dir, "lifecycle.json");
  const lifecycle = !single && existsSync(lifecycleFile) ? LifecycleTable.parse(JSON.parse(readFileSync(lifecycleFile, "utf8"))) : null;
  return { kind: "SnapshotBundle", snapshots, lifecycle };
}

export function readBundledSnapshots(): SnapshotBundle {
  let text: string;
  try {
    text = readFileSync(BUNDLE_FILE, "utf8");
  } catch {
    throw new Error(`the bundled snapshots (${BUNDLE_FILE.pathname}) are missing; run npm run build`);
  }
  // Built from validated snapshot folders by this package's build; parsing it again would cost start-up time.
  return JSON.parse(text) as SnapshotBundle;
}

export interface CliSnapshots extends SnapshotSource {
  catalog: Catalog;
  /** Resolves ids, aliases and patch releases to snapshot ids (repeats removed); unknown names are a UsageError. */
  resolve(names: string[], what: string): { ids: string[]; notes: string[] };
  history(): ReleaseHistory;
}

/** The bundled releases plus `extra` (the user's captures); an extra snapshot replaces a bundled one with its id. */
export function snapshotStore(bundled: SnapshotBundle, extra?: SnapshotBundle): CliSnapshots {
  const extraIds = new Set(extra?.snapshots.map((s) => s.manifest.id));
  const all = [...bundled.snapshots.filter((s) => !extraIds.has(s.manifest.id)), ...(extra?.snapshots ?? [])];
  let catalog: Catalog;
  try {
    // A local catalog names no KV values: no index hashes, lifecycle or generation.
    catalog = buildCatalog(all.map((s) => ({ ...s, index: "" })), null, "");
  } catch (e) {
    throw new UsageError(`--snapshots: ${(e as Error).message}`);
  }
  const lifecycle = extra?.lifecycle ?? bundled.lifecycle;
  if (!lifecycle) throw new Error("the bundled snapshots have no lifecycle table");
  const groups = new Map<string, GroupModel[]>(all.map((s) => [s.manifest.id, s.groups]));
  const fields = new Map(all.map((s) => [s.manifest.id, s.fields]));
  const indexOf = (id: string): SnapshotIndex => {
    const entry = catalog.snapshots.find((s) => s.id === id);
    if (!entry) throw new UsageError(`unknown snapshot ${id}`);
    return { id, kubernetesVersion: entry.kubernetesVersion, groups: groups.get(id)!, unknownResources: entry.unknownResources };
  };
  let history: ReleaseHistory | undefined;
  return {
    catalog,
    list: async () => catalog.snapshots.map(({ id, kubernetesVersion, provenance, gitVersion }): SnapshotEntry => ({ id, kubernetesVersion, provenance, gitVersion })),
    index: async (id) => indexOf(id),
    lifecycle: async () => lifecycle,
    fields: async (id) => fields.get(id) ?? null,
    history: () => (history ??= releaseHistory(catalog.snapshots.filter((s) => s.provenance === "built").map((s) => indexOf(s.id)), lifecycle)),
    resolve(names, what) {
      const resolved = names.map((n) => resolveTarget(catalog, n));
      const unknown = names.filter((_, i) => !resolved[i]);
      if (unknown.length) {
        throw new UsageError(`unknown ${what}${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; known snapshots: ${catalog.snapshots.map((s) => s.id).join(", ")} (also v1.29, patch releases such as 1.29.8, and latest)`);
      }
      return {
        ids: [...new Set(resolved.map((r) => r!.snapshot.id))],
        notes: [...new Set(resolved.flatMap((r) => (r!.byMinor ? [r!.byMinor] : [])))],
      };
    },
  };
}

/** The CLI's snapshots: bundled, plus the captures in `extraDir` when given. */
export async function cliSnapshots(extraDir: string | undefined): Promise<CliSnapshots> {
  return snapshotStore(readBundledSnapshots(), extraDir === undefined ? undefined : await bundleOfFolder(extraDir));
}

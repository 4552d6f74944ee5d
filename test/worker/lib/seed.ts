/// <reference types="vite/client" />
// Seeds the test's real KV namespace with the bundled snapshots, through the same entry
// builder the Node seeder and publisher use.
import { env } from "cloudflare:test";
import { buildKvEntries, type KvEntry } from "../../../src/store/entries";

const raw = import.meta.glob("../../../snapshots/**/*.json", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Snapshot files keyed by their path relative to snapshots/. */
export const SNAPSHOT_FILES: Record<string, string> = Object.fromEntries(
  Object.entries(raw).map(([p, text]) => [p.slice(p.indexOf("/snapshots/") + "/snapshots/".length), text]),
);

let seeded: Promise<KvEntry[]> | undefined;

/**
 * Writes every entry once per isolate: files that share an isolate (the "worker" project) share
 * its KV and never write to it; a file that writes KV runs in a fresh isolate ("worker-fresh").
 */
export function seedSnapshots(): Promise<KvEntry[]> {
  return (seeded ??= (async () => {
    const all = await buildKvEntries(SNAPSHOT_FILES);
    for (let i = 0; i < all.length; i += 100) await Promise.all(all.slice(i, i + 100).map((e) => env.SNAPSHOTS.put(e.key, e.value)));
    return all;
  })());
}

export const snapshotIds = (): string[] =>
  [...new Set(Object.keys(SNAPSHOT_FILES).filter((f) => f.endsWith("/manifest.json")).map((f) => f.split("/")[0]!))];

/** Wire bytes a real apiserver would send for a snapshot file. */
export const wire = (id: string, file: string): string => JSON.stringify(JSON.parse(SNAPSHOT_FILES[`${id}/${file}`]!)) + "\n";

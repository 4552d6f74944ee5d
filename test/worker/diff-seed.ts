// Seeds the test KV namespace from the bundled snapshots, with the same entries the publisher writes.
/// <reference types="vite/client" />
import { env } from "cloudflare:test";
import { buildKvEntries } from "../../src/store/entries";

const raw = import.meta.glob("../../snapshots/**/*.json", { query: "?raw", import: "default", eager: true }) as Record<string, string>;
export const files = Object.fromEntries(Object.entries(raw).map(([path, text]) => [path.replace("../../snapshots/", ""), text]));

export async function seedSnapshots(): Promise<void> {
  for (const { key, value } of await buildKvEntries(files)) await env.SNAPSHOTS.put(key, value);
}

export const snapshotIds = Object.keys(files).filter((f) => f.endsWith("/manifest.json")).map((f) => f.split("/")[0]!);

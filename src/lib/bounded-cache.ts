// Memory caches keyed by what a client sends (URLs, headers, the kinds of its manifests) stay
// bounded: the oldest entry makes room for a new one, so no sequence of requests grows the worker's
// isolate (or the CLI) without limit.

/** Stores `value` under `key` in `cache`, dropping the oldest entry when `cache` holds `limit` entries; returns `value`. */
export function remember<K, V>(cache: Map<K, V>, limit: number, key: K, value: V): V {
  if (cache.size >= limit && !cache.has(key)) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
  return value;
}

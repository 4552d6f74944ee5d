// Snapshot ids, Kubernetes minors and their order (no Node dependencies: shared by the worker and the CLI).

/** "1.29" (or "1.29.2") -> 29. */
export function minorNumber(minor: string): number {
  const m = /^1\.(\d+)/.exec(minor);
  if (!m) throw new Error(`not a Kubernetes version: ${minor}`);
  return Number(m[1]);
}

/** Orders "1.9" before "1.10"; ids that are not minor versions sort after, by name. */
export function compareSnapshotIds(a: string, b: string): number {
  const pa = /^1\.(\d+)$/.exec(a), pb = /^1\.(\d+)$/.exec(b);
  if (pa && pb) return Number(pa[1]) - Number(pb[1]);
  if (pa) return -1;
  if (pb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

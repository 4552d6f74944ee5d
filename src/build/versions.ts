// Kubernetes version strings: minors ("1.29"), stability of API versions ("v1beta2"), ordering.

export { minorNumber } from "../snapshot/ids";

/** "v1.22.0" or "1.22" -> "1.22"; "" -> null. */
export function toMinor(v: string | null | undefined): string | null {
  if (!v) return null;
  const m = /^v?(1\.\d+)/.exec(v);
  return m ? m[1]! : null;
}

export type Stability = "alpha" | "beta" | "ga";

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

export function stabilityOf(apiVersion: string): Stability {
  const m = KUBE_VERSION.exec(apiVersion);
  return m?.[2] === "alpha" ? "alpha" : m?.[2] === "beta" ? "beta" : "ga";
}

/** Kubernetes version order, highest first: v2 > v1 > v1beta2 > v1beta1 > v1alpha1 > non-kube names. */
export function compareKubeAwareVersions(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a), mb = KUBE_VERSION.exec(b);
  if (!ma || !mb) return ma ? -1 : mb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  const rank = (m: RegExpExecArray) => (m[2] === undefined ? 2 : m[2] === "beta" ? 1 : 0);
  if (rank(ma) !== rank(mb)) return rank(mb) - rank(ma);
  if (ma[1] !== mb[1]) return Number(mb[1]) - Number(ma[1]);
  return Number(mb[3] ?? 0) - Number(ma[3] ?? 0);
}

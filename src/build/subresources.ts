// Which subresources a release serves (rule gated-subresources): the upstream documents show a
// resource's subresources at one moment; one backed by a client method follows the release's
// k8s.io/api, and one whose registration a feature gate guards follows the gate's default.
import type { SubresourceModel } from "../discovery/model";
import type { Reference } from "./reference";
import { gateOnByDefault, SUBRESOURCE_GATES } from "./rules";

/** Subresources with a +genclient method for group/kind in any release, and those in this release. */
function methodSubresources(ref: Reference, minor: string | null, group: string, kind: string): Set<string> {
  const found = new Set<string>();
  const releases = minor === null ? [...ref.api.values()] : [ref.api.get(minor)!];
  for (const release of releases) for (const pkg of release.groups) if (pkg.group === group) {
    for (const r of pkg.resources) if (r.kind === kind) for (const m of r.genclient.methods) if (m.subresource) found.add(m.subresource);
  }
  return found;
}

export function subresourcesServed(ref: Reference, minor: string, group: string, kind: string, upstream: SubresourceModel[]): SubresourceModel[] {
  const everMethod = methodSubresources(ref, null, group, kind);
  const nowMethod = methodSubresources(ref, minor, group, kind);
  return upstream.filter((s) => {
    if (everMethod.has(s.subresource) && !nowMethod.has(s.subresource)) return false;
    const gate = SUBRESOURCE_GATES.find((g) => g.group === group && g.kind === kind && g.subresource === s.subresource);
    return !gate || gateOnByDefault(gate.gate, minor) === true;
  });
}

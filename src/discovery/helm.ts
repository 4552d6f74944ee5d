// The API version set Helm builds from a live cluster (.Capabilities.APIVersions): every served
// "group/version", and "group/version/Kind" for every entry of each APIResourceList — subresource
// entries included, as Helm's discovery walk includes them.
import { groupVersion, type GroupModel } from "./model";

export function helmApiVersions(groups: GroupModel[]): string[] {
  const set = new Set<string>();
  for (const g of groups) for (const v of g.versions) {
    const gv = groupVersion(g.name, v.version);
    set.add(gv);
    for (const r of v.resources) {
      set.add(`${gv}/${r.kind}`);
      for (const s of r.subresources) set.add(`${gv}/${s.responseKind.kind}`);
    }
  }
  return [...set].sort();
}

// The discovery model: one ordered description of a server's groups, versions and resources,
// from which every discovery document (legacy and aggregated) is rendered, and into which
// every document can be read back. Diff and check work on the compact index built from it.
import * as z from "zod";
import { GroupVersionKind } from "./types";

export interface SubresourceModel {
  subresource: string;
  /** As aggregated discovery reports it: empty group/version mean "the parent's". */
  responseKind: GroupVersionKind;
  verbs: string[];
}

export interface ResourceModel {
  resource: string;
  kind: string;
  namespaced: boolean;
  singularName: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  storageVersionHash?: string;
  subresources: SubresourceModel[];
}

export interface VersionModel {
  version: string;
  resources: ResourceModel[];
}

export interface GroupModel {
  /** "" for the core group (served under /api). */
  name: string;
  /** In the server's priority order: the first is the preferred version. */
  versions: VersionModel[];
}

export function groupVersion(group: string, version: string): string {
  return group === "" ? version : `${group}/${version}`;
}

export function splitGroupVersion(gv: string): { group: string; version: string } {
  const i = gv.lastIndexOf("/");
  return i < 0 ? { group: "", version: gv } : { group: gv.slice(0, i), version: gv.slice(i + 1) };
}

/** Schema of GroupModel[], as stored under index/<id> in KV. */
export const GroupModels = z.array(z.object({
  name: z.string(),
  versions: z.array(z.object({
    version: z.string().min(1),
    resources: z.array(z.object({
      resource: z.string().min(1),
      kind: z.string(),
      namespaced: z.boolean(),
      singularName: z.string(),
      verbs: z.array(z.string()),
      shortNames: z.array(z.string()).optional(),
      categories: z.array(z.string()).optional(),
      storageVersionHash: z.string().optional(),
      subresources: z.array(z.object({ subresource: z.string(), responseKind: GroupVersionKind, verbs: z.array(z.string()) }).strict()),
    }).strict()),
  }).strict()),
}).strict()) satisfies z.ZodType<GroupModel[]>;

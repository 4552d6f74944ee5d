// Loads and validates the public reference folder (../shared/k8s-reference): every file is
// parsed through a zod schema here, so the rest of the build works on typed facts only.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { APIGroupDiscoveryList, APIGroupList, APIResourceList } from "../discovery/types";

const Minor = z.string().regex(/^1\.\d+$/);
const Lifecycle = z.object({
  introduced: z.string().nullable(),
  deprecated: z.string().nullable(),
  removed: z.string().nullable(),
  replacement: z.object({ group: z.string(), version: z.string(), kind: z.string() }).nullable(),
});

export const ApiTypeResource = z.object({
  kind: z.string(),
  namespaced: z.boolean(),
  registered: z.boolean(),
  genclient: z.object({
    noVerbs: z.boolean(),
    onlyVerbs: z.array(z.string()).nullable(),
    skipVerbs: z.array(z.string()).nullable(),
    noStatus: z.boolean(),
    readonly: z.boolean(),
    methods: z.array(z.object({ name: z.string(), verb: z.string().nullable(), subresource: z.string().nullable() }).passthrough()),
  }),
  lifecycle: Lifecycle.nullable(),
  lifecycleFunctions: Lifecycle.extend({ sourceFiles: z.array(z.string()) }).nullable(),
  sourceFile: z.string(),
});
export type ApiTypeResource = z.infer<typeof ApiTypeResource>;

export const ApiPackage = z.object({
  group: z.string(),
  version: z.string(),
  groupVersion: z.string(),
  packagePath: z.string(),
  knownTypes: z.array(z.string()),
  resources: z.array(ApiTypeResource),
});
export type ApiPackage = z.infer<typeof ApiPackage>;

export const ApiRelease = z.object({
  kubernetesVersion: z.string(),
  sourceTag: z.string(),
  sourceCommit: z.string(),
  groups: z.array(ApiPackage),
  nonResourcePackages: z.array(ApiPackage),
});
export type ApiRelease = z.infer<typeof ApiRelease>;

export const CaptureRow = z.object({
  name: z.string(),
  shortNames: z.array(z.string()),
  groupVersion: z.string(),
  group: z.string(),
  version: z.string(),
  namespaced: z.boolean(),
  kind: z.string(),
}).strict();
export type CaptureRow = z.infer<typeof CaptureRow>;

export const PlutoEntry = z.object({
  version: z.string(),
  kind: z.string(),
  "deprecated-in": z.string(),
  "removed-in": z.string(),
  "replacement-api": z.string().nullable().optional(),
  "replacement-available-in": z.string().nullable().optional(),
  component: z.string(),
});
export type PlutoEntry = z.infer<typeof PlutoEntry>;

export interface Reference {
  dir: string;
  /** k8s.io/api facts per minor ("1.17" … "1.36"). */
  api: Map<string, ApiRelease>;
  /** kubectl api-resources rows of default kind clusters, per minor. */
  captures: Map<string, CaptureRow[]>;
  /** minor -> patch version named by the captures repository ("1.29.14"). */
  capturePatches: Map<string, string>;
  upstream: {
    /** 1.31-era all-APIs aggregated /apis (resource.k8s.io entries must not be used). */
    aggregated: APIGroupDiscoveryList;
    /** 1.33 API set, all APIs enabled. */
    aggregatedNewer: APIGroupDiscoveryList;
    apis: APIGroupList;
    coreV1: APIResourceList;
  };
  pluto: PlutoEntry[];
  /** Every file read, with its sha256, in read order. */
  sources: { file: string; sha256: string }[];
}

export function loadReference(dir: string): Reference {
  const sources: { file: string; sha256: string }[] = [];
  const read = (file: string): string => {
    const text = readFileSync(join(dir, file), "utf8");
    sources.push({ file, sha256: createHash("sha256").update(text).digest("hex") });
    return text;
  };
  const json = <T>(file: string, schema: z.ZodType<T>): T => {
    const result = schema.safeParse(JSON.parse(read(file)));
    if (!result.success) throw new Error(`${file}: ${result.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    return result.data;
  };

  const api = new Map<string, ApiRelease>();
  for (let minor = 17; existsSync(join(dir, `k8s-api/1.${minor}.json`)); minor++) {
    api.set(`1.${minor}`, json(`k8s-api/1.${minor}.json`, ApiRelease));
  }
  const captures = new Map<string, CaptureRow[]>();
  for (let minor = 0; minor < 100; minor++) {
    const file = `captures/1.${minor}.json`;
    if (existsSync(join(dir, file))) captures.set(`1.${minor}`, json(file, z.array(CaptureRow)));
  }
  const patches = json("captures/versions.json", z.array(z.tuple([Minor, z.string().regex(/^1\.\d+\.\d+$/)])));
  const capturePatches = new Map(patches.filter(([m]) => captures.has(m)));

  const upstream = {
    aggregated: json("upstream-discovery/aggregated_v2.json", APIGroupDiscoveryList),
    aggregatedNewer: json("upstream-discovery/aggregated_v2.newer.json", APIGroupDiscoveryList),
    apis: json("upstream-discovery/apis.json", APIGroupList),
    coreV1: json("upstream-discovery/api__v1.json", APIResourceList),
  };
  const plutoDoc = z.object({ "deprecated-versions": z.array(PlutoEntry) }).passthrough().parse(parseYaml(read("deprecations/pluto-versions.yaml")));
  return { dir, api, captures, capturePatches, upstream, pluto: plutoDoc["deprecated-versions"], sources };
}

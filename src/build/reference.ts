// Loads and validates the public reference folder (../shared/k8s-reference): every file is
// parsed through a zod schema here, so the rest of the build works on typed facts only.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import { APIGroupDiscoveryList, APIGroupList, APIResourceList, VersionInfo } from "../discovery/types";

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
  preRelease: z.boolean().optional(),
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

/** One storage-hashes/<minor>.json: upstream's expected storageVersionHash per served group/version/resource. */
export interface StorageHashFile {
  minor: string;
  file: string;
  /** "group/version/resource" (core: "v1/pods") -> hash. */
  hashes: Map<string, string>;
  /** "group/version/resource" -> storage "group/version/Kind" the hash stands for (derived-storage-versions.json). */
  storage: Map<string, string>;
  certainty: string;
  commit: string;
}

/** A real /version response of an upstream build (version/<gitVersion>.json). */
export interface VersionDocument { file: string; gitVersion: string; minor: string; info: VersionInfo; source: string }

const StorageProvenance = z.object({
  files: z.array(z.object({ minor: Minor, file: z.string(), parsed: z.string(), commit: z.string(), certainty: z.string() }).passthrough()),
}).passthrough();
const DerivedStorageVersions = z.object({ minors: z.record(Minor, z.record(z.string(), z.string())) }).passthrough();
const VersionProvenance = z.object({
  fieldsJson: z.object({ minors: z.record(Minor, z.object({ omitempty: z.array(z.string()) }).passthrough()) }).passthrough(),
  files: z.array(z.object({
    file: z.string(), gitVersion: z.string(), minor: Minor, upstream: z.boolean(),
    repository: z.string().nullable(), commit: z.string().nullable(), searchId: z.union([z.string(), z.number()]).nullable().optional(),
  }).passthrough()),
}).passthrough();

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
    /** Later development documents, each with the minor whose development it belongs to. */
    later: { file: string; era: number; aggregated?: APIGroupDiscoveryList; coreV1?: APIResourceList }[];
  };
  /** Upstream storage version hash tables, per minor they were content-matched to. */
  storageHashes: Map<string, StorageHashFile>;
  /** version.Info field names per minor, in declaration order (version/fields.json), and which are omitempty. */
  versionFields: Map<string, { fields: string[]; omitempty: Set<string> }>;
  /** Real /version responses of upstream builds (vendor builds are left out). */
  versionDocuments: VersionDocument[];
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
    later: [
      { file: "upstream-discovery/aggregated_v2.1.34-dev.254a4694.json", era: 34, aggregated: json("upstream-discovery/aggregated_v2.1.34-dev.254a4694.json", APIGroupDiscoveryList) },
      // 1.34 or 1.35 development (README): the nearer bound is used as its era.
      { file: "upstream-discovery/api__v1.pods-resize.95f08499.json", era: 34, coreV1: json("upstream-discovery/api__v1.pods-resize.95f08499.json", APIResourceList) },
      { file: "upstream-discovery/aggregated_v2.1.37-dev.9d2a8fb7.json", era: 37, aggregated: json("upstream-discovery/aggregated_v2.1.37-dev.9d2a8fb7.json", APIGroupDiscoveryList) },
    ],
  };
  const storageProvenance = json("storage-hashes/provenance.json", StorageProvenance);
  const derived = json("storage-hashes/derived-storage-versions.json", DerivedStorageVersions);
  const storageHashes = new Map<string, StorageHashFile>();
  for (const f of storageProvenance.files) {
    const hashes = new Map(Object.entries(json(`storage-hashes/${f.parsed}`, z.record(z.string(), z.string()))));
    storageHashes.set(f.minor, { minor: f.minor, file: `storage-hashes/${f.parsed}`, hashes, storage: new Map(Object.entries(derived.minors[f.minor] ?? {})), certainty: f.certainty, commit: f.commit });
  }
  const versionProvenance = json("version/provenance.json", VersionProvenance);
  const versionFields = new Map(Object.entries(json("version/fields.json", z.record(Minor, z.array(z.string()))))
    .map(([minor, fields]) => [minor, { fields, omitempty: new Set(versionProvenance.fieldsJson.minors[minor]?.omitempty ?? []) }]));
  const versionDocuments = versionProvenance.files.filter((f) => f.upstream).map((f): VersionDocument => ({
    file: `version/${f.file}`, gitVersion: f.gitVersion, minor: f.minor,
    info: json(`version/${f.file}`, VersionInfo),
    source: f.repository ? `${f.repository} at ${f.commit}` : `a public document found by text search (search id ${f.searchId})`,
  }));
  const plutoDoc = z.object({ "deprecated-versions": z.array(PlutoEntry) }).passthrough().parse(parseYaml(read("deprecations/pluto-versions.yaml")));
  return { dir, api, captures, capturePatches, upstream, storageHashes, versionFields, versionDocuments, pluto: plutoDoc["deprecated-versions"], sources };
}

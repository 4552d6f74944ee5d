// zod schemas mirroring the Kubernetes discovery types (k8s.io/apimachinery/pkg/apis/meta/v1,
// k8s.io/api/apidiscovery/{v2,v2beta1}, k8s.io/apimachinery/pkg/version). Fields are declared in
// the Go struct order, so a parsed document re-serialises with the key order a real apiserver uses.
import * as z from "zod";

const name = z.string().min(1);

export const VersionInfo = z.object({
  major: z.string(),
  minor: z.string(),
  // 1.33+ servers add emulation/compatibility fields; kept optional so captures of them validate.
  emulationMajor: z.string().optional(),
  emulationMinor: z.string().optional(),
  minCompatibilityMajor: z.string().optional(),
  minCompatibilityMinor: z.string().optional(),
  gitVersion: z.string(),
  gitCommit: z.string(),
  gitTreeState: z.string(),
  buildDate: z.string(),
  goVersion: z.string(),
  compiler: z.string(),
  platform: z.string(),
}).loose(); // later releases may add fields; a capture keeps them
export type VersionInfo = z.infer<typeof VersionInfo>;

export const RootPaths = z.object({ paths: z.array(z.string().startsWith("/")) }).strict();
export type RootPaths = z.infer<typeof RootPaths>;

export const ServerAddressByClientCIDR = z.object({ clientCIDR: z.string(), serverAddress: z.string() }).strict();

export const APIVersions = z.object({
  kind: z.literal("APIVersions"),
  apiVersion: z.literal("v1").optional(),
  versions: z.array(name),
  serverAddressByClientCIDRs: z.array(ServerAddressByClientCIDR).nullable(),
}).strict();
export type APIVersions = z.infer<typeof APIVersions>;

export const GroupVersionForDiscovery = z.object({ groupVersion: name, version: name }).strict();
export type GroupVersionForDiscovery = z.infer<typeof GroupVersionForDiscovery>;

export const APIGroup = z.object({
  kind: z.literal("APIGroup").optional(),
  apiVersion: z.literal("v1").optional(),
  name: name,
  versions: z.array(GroupVersionForDiscovery).min(1),
  preferredVersion: GroupVersionForDiscovery.optional(),
  serverAddressByClientCIDRs: z.array(ServerAddressByClientCIDR).optional(),
}).strict();
export type APIGroup = z.infer<typeof APIGroup>;

export const APIGroupList = z.object({
  kind: z.literal("APIGroupList"),
  apiVersion: z.literal("v1").optional(),
  groups: z.array(APIGroup),
}).strict();
export type APIGroupList = z.infer<typeof APIGroupList>;

export const APIResource = z.object({
  name: name,
  singularName: z.string(),
  namespaced: z.boolean(),
  group: z.string().optional(),
  version: z.string().optional(),
  kind: name,
  verbs: z.array(z.string()),
  shortNames: z.array(name).optional(),
  categories: z.array(name).optional(),
  storageVersionHash: z.string().optional(),
}).strict();
export type APIResource = z.infer<typeof APIResource>;

export const APIResourceList = z.object({
  kind: z.literal("APIResourceList"),
  apiVersion: z.literal("v1").optional(),
  groupVersion: name,
  resources: z.array(APIResource),
}).strict();
export type APIResourceList = z.infer<typeof APIResourceList>;

// Aggregated discovery (apidiscovery.k8s.io). v2 and v2beta1 have the same shape.
export const AGGREGATED_FORMS = ["v2", "v2beta1"] as const;
export const AggregatedForm = z.enum(AGGREGATED_FORMS);
export type AggregatedForm = z.infer<typeof AggregatedForm>;

export const GroupVersionKind = z.object({ group: z.string(), version: z.string(), kind: z.string() }).strict();
export type GroupVersionKind = z.infer<typeof GroupVersionKind>;

export const APISubresourceDiscovery = z.object({
  subresource: name,
  responseKind: GroupVersionKind.optional(),
  acceptedTypes: z.array(GroupVersionKind).optional(),
  verbs: z.array(z.string()),
}).strict();
export type APISubresourceDiscovery = z.infer<typeof APISubresourceDiscovery>;

export const ResourceScope = z.enum(["Cluster", "Namespaced"]);

export const APIResourceDiscovery = z.object({
  resource: name,
  responseKind: GroupVersionKind.optional(),
  scope: ResourceScope,
  singularResource: z.string(),
  verbs: z.array(z.string()),
  shortNames: z.array(name).optional(),
  categories: z.array(name).optional(),
  subresources: z.array(APISubresourceDiscovery).optional(),
}).strict();
export type APIResourceDiscovery = z.infer<typeof APIResourceDiscovery>;

export const APIVersionDiscovery = z.object({
  version: name,
  resources: z.array(APIResourceDiscovery).optional(),
  freshness: z.enum(["Current", "Stale"]).optional(),
}).strict();
export type APIVersionDiscovery = z.infer<typeof APIVersionDiscovery>;

const ObjectMeta = z.object({
  name: z.string().optional(),
  creationTimestamp: z.null().optional(),
}).strict();

export const APIGroupDiscovery = z.object({
  metadata: ObjectMeta,
  versions: z.array(APIVersionDiscovery),
}).strict();
export type APIGroupDiscovery = z.infer<typeof APIGroupDiscovery>;

export const APIGroupDiscoveryList = z.object({
  kind: z.literal("APIGroupDiscoveryList"),
  apiVersion: z.enum(["apidiscovery.k8s.io/v2", "apidiscovery.k8s.io/v2beta1"]),
  metadata: z.object({}).strict(),
  items: z.array(APIGroupDiscovery),
}).strict();
export type APIGroupDiscoveryList = z.infer<typeof APIGroupDiscoveryList>;

// metav1.Status, the body of every API error.
export const Status = z.object({
  kind: z.literal("Status"),
  apiVersion: z.literal("v1"),
  metadata: z.object({}).strict(),
  status: z.enum(["Success", "Failure"]),
  message: z.string(),
  reason: z.string(),
  details: z.object({ name: z.string().optional(), group: z.string().optional(), kind: z.string().optional() }).strict().optional(),
  code: z.number().int(),
}).strict();
export type Status = z.infer<typeof Status>;

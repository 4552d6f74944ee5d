// The rules of Kubernetes that a build needs beyond ../shared/k8s-reference, one row each,
// with its source. Everything else the build knows comes from the reference files.
import type { AggregatedForm } from "../discovery/types";
import { minorNumber } from "../snapshot/ids";

export interface Rule { id: string; rule: string; source: string }

export const RULES = {
  aggregatedForms: {
    id: "aggregated-discovery-forms",
    rule: "Aggregated discovery is not served through 1.26 (alpha, off); apidiscovery.k8s.io/v2beta1 in 1.27–1.29; v2 and v2beta1 in 1.30–1.32; v2 only from 1.33 (v2beta1 off by default, later locked off).",
    source: "KEP-3352 (kubernetes/enhancements keps/sig-api-machinery/3352-aggregated-discovery) feature stages; stated in issue #2 of this project.",
  },
  aggregatorGroupFirst: {
    id: "aggregator-group-first",
    rule: "/apis lists apiregistration.k8s.io (kube-aggregator's own group) before every APIService-backed group.",
    source: "kube-aggregator apis handler (staging/src/k8s.io/kube-aggregator/pkg/apiserver/handler_apis.go); upstream-discovery/apis.json lists it first.",
  },
  apiServicePriorities: {
    id: "apiservice-priorities",
    rule: "Other groups are ordered by group priority (highest first, ties by APIService name \"<version>.<group>\"), versions within a group by version priority (highest first, ties by Kubernetes version order); the first version is preferredVersion. A group/version without a priority is not registered with the aggregator.",
    source: "kubernetes/kubernetes apiVersionPriorities: cmd/kube-apiserver/app/aggregator.go (1.18–1.28 eras), pkg/controlplane/apiserver/aggregator.go DefaultGenericAPIServicePriorities (commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282), cmd/kube-apiserver/app/aggregator.go merge(...) (1.33 era); apiregistration/v1 helpers SortedByGroupAndVersion.",
  },
  alphaOff: {
    id: "alpha-off-by-default",
    rule: "Alpha versions are not served by default.",
    source: "Kubernetes API versioning policy (kubernetes.io/docs/reference/using-api/#api-versioning); k8s-reference README caveats.",
  },
  betaOffFrom124: {
    id: "beta-off-by-default-from-1.24",
    rule: "Beta kinds introduced in 1.24 or later are not served by default, except group/versions that a default-cluster capture shows served (derived at build time; they stay served until their lifecycle removal).",
    source: "KEP-3136 Beta APIs Off by Default (kubernetes/enhancements keps/sig-architecture/3136-beta-apis-off-by-default); exceptions: captures/ (flowcontrol.apiserver.k8s.io/v1beta3 in 1.26–1.28).",
  },
  removedNotServed: {
    id: "removed-not-served",
    rule: "A kind whose lifecycle says removed in 1.N is not served from 1.N on; a kind absent from a release's k8s.io/api is not served by it.",
    source: "k8s.io/api prerelease-lifecycle markers (k8s-api/*.json lifecycleFunctions); k8s-reference README caveats.",
  },
  outsideK8sApi: {
    id: "groups-outside-k8s-api",
    rule: "apiextensions.k8s.io (CustomResourceDefinition) and apiregistration.k8s.io (APIService) are served by kube-apiserver but not defined in k8s.io/api: their v1 kinds come from the captures, and their other versions' lifecycles from Pluto's table.",
    source: "k8s-reference README caveats; deprecations/pluto-versions.yaml (apiextensions.k8s.io/v1beta1, apiregistration.k8s.io/v1beta1 removed in v1.22.0).",
  },
  noVerbsNotServed: {
    id: "noverbs-kinds-not-resources",
    rule: "+genclient:noVerbs kinds (policy Eviction, imagepolicy ImageReview) are payloads, not top-level resources: Eviction is only pods/eviction.",
    source: "k8s-reference README caveats (imagepolicy group never served; Eviction only as the pods/eviction subresource).",
  },
  cohabiting: {
    id: "cohabiting-resources",
    rule: "Some resources are one storage served by two groups: events (core v1 and events.k8s.io) are stored as core v1 Event; ingresses (extensions and networking.k8s.io) are one storage. Such resources share verbs, short names and subresources.",
    source: "kubernetes/kubernetes pkg/kubeapiserver/default_storage_factory_builder.go AddCohabitatingResources; issue #2 of this project (events.k8s.io/v1 events carry the hash of core /v1/Event).",
  },
  storageVersionHash: {
    id: "storage-version-hash",
    rule: "storageVersionHash = base64(sha256(\"<group>/<version>/<kind>\")[0:8]) of the resource's storage version; only etcd-backed resources (those that can be watched) have one. Core resources are stored as v1 and events.k8s.io events as core v1 Event. Where upstream's table for the release exists it gives the hash. Elsewhere the storage version is inferred: a version of the kind in its group that the previous release's k8s.io/api also has (so the previous release can read it; alpha versions rank lowest), never older than the storage version of an earlier upstream table nor newer than that of a later one (storage versions only move forward); among several, the one whose version is still served, if exactly one is. A kind that another group also serves is left unknown.",
    source: "k8s.io/apiserver pkg/endpoints/discovery/storageversionhash.go StorageVersionHash; storage-hashes/ (kubernetes pkg/controlplane/storageversionhashdata/data.go); kubernetes/community contributors/devel/sig-architecture/api_changes.md (a new version becomes the storage version only in the release after the one that introduces it).",
  },
  singularNames: {
    id: "singular-names-from-1.27",
    rule: "Legacy discovery reports singularName for built-in resources from 1.27 on; earlier releases report \"\".",
    source: "kubernetes/kubernetes#113542 \"Set singular names for core types to pass to discovery\" (merged Nov 2022, released in 1.27).",
  },
  noApiVersion: {
    id: "no-apiversion-core-extensions",
    rule: "apiVersion is absent from /api, /api/v1 and the extensions group's documents.",
    source: "kube-apiserver wire behaviour (legacy core group installer and extensions group); stated in issue #2 of this project.",
  },
  creationTimestamp: {
    id: "aggregated-creation-timestamp",
    rule: "Aggregated discovery group metadata carries \"creationTimestamp\": null through 1.33 and omits it from 1.34.",
    source: "kubernetes/apimachinery commit 503b9897 (metav1.ObjectMeta creationTimestamp stops serializing as null), first released in 1.34 (k8s.io/apimachinery v0.34.0); upstream-discovery/aggregated_v2.json (1.31 era) has the null, the 1.34 and 1.37 development documents do not.",
  },
  gatedSubresources: {
    id: "gated-subresources",
    rule: "A subresource backed by a client method is served in a release only if that release's k8s.io/api has the method for the kind (in any version of its group) and, where a feature gate guards its registration, the gate is on by default in that release (SUBRESOURCE_GATES, FEATURE_GATE_DEFAULTS).",
    source: "k8s-api/*.json +genclient:method markers; kubernetes/kubernetes pkg/registry/core/rest/storage_core.go (pods/resize registered only with InPlacePodVerticalScaling enabled).",
  },
  featureGateDefaults: {
    id: "feature-gate-defaults",
    rule: "A feature gate is on by default from the release FEATURE_GATE_DEFAULTS names for it and off before; for a gate the table does not name, the default is not known (the reference records gate markers, not defaults).",
    source: "Each row cites its own source: the Kubernetes feature-gates reference (kubernetes.io/docs/reference/command-line-tools-reference/feature-gates) and the gate's KEP.",
  },
  versionDocuments: {
    id: "version-documents",
    rule: "/version is a real response of an upstream build of the release where the reference has one (the capture's patch release if recorded, else the lowest patch); its fields are those of version.Info in that release's apimachinery. Fields no source records stay empty and are listed as unknown.",
    source: "version/*.json and version/fields.json (k8s-reference); vendor builds (k3s, GKE, OrbStack) are not used.",
  },
  preReleaseFacts: {
    id: "pre-release-facts",
    rule: "A release built from a k8s.io/api pre-release tag lists in its notes, and where they change what it serves under unknown, the API changes public sources record after that tag (PRE_RELEASE_FACTS); such changes are not applied.",
    source: "k8s-reference README, k8s-api caveats (k8s.io/api master after v0.37.0-beta.0; kubernetes/website pull request #56990, the 1.37 release announcement).",
  },
  version129: {
    id: "version-1.29.2",
    rule: "The /version document of v1.29.2 is known in full.",
    source: "Issue #2 of this project quotes a real v1.29.2 /version response.",
  },
} satisfies Record<string, Rule>;

export function aggregatedFormsFor(kubernetesMinor: string): AggregatedForm[] {
  const m = minorNumber(kubernetesMinor);
  if (m <= 26) return [];
  if (m <= 29) return ["v2beta1"];
  if (m <= 32) return ["v2", "v2beta1"];
  return ["v2"];
}

export function singularNamesServed(kubernetesMinor: string): boolean {
  return minorNumber(kubernetesMinor) >= 27;
}

export function creationTimestampNull(kubernetesMinor: string): boolean {
  return minorNumber(kubernetesMinor) <= 33;
}

/** The first release in which a feature gate is on by default, per its cited source (rule feature-gate-defaults). */
export const FEATURE_GATE_DEFAULTS: Record<string, { onByDefault: string; source: string }> = {
  InPlacePodVerticalScaling: { onByDefault: "1.33", source: "KEP-1287 (keps/sig-node/1287-in-place-update-pod-resources/kep.yaml): alpha 1.27, beta 1.33, stable 1.35; kubernetes.io blog \"In-Place Pod Resize Graduating to Beta\": enabled by default in 1.33" },
  SidecarContainers: { onByDefault: "1.29", source: "KEP-753 (keps/sig-node/753-sidecar-containers): alpha 1.28, beta 1.29; feature-gates reference: SidecarContainers default true from Beta 1.29" },
  ServiceTrafficDistribution: { onByDefault: "1.31", source: "kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/ServiceTrafficDistribution.md: alpha 1.30 default false, beta 1.31–1.32 default true, stable 1.33 (KEP-4444)" },
  PodLifecycleSleepAction: { onByDefault: "1.30", source: "KEP-3960 (kubernetes/enhancements issue #3960): alpha 1.29, beta 1.30 (kubernetes pull request #122456), stable 1.34; feature-gates reference: default true from Beta 1.30" },
};

/** Whether a gate is on by default in a release: null where no cited source gives its default. */
export function gateOnByDefault(gate: string, kubernetesMinor: string): boolean | null {
  const row = FEATURE_GATE_DEFAULTS[gate];
  return row ? minorNumber(kubernetesMinor) >= minorNumber(row.onByDefault) : null;
}

/** Feature gates that guard a subresource's registration (rule gated-subresources). */
export const SUBRESOURCE_GATES: { group: string; kind: string; subresource: string; gate: keyof typeof FEATURE_GATE_DEFAULTS }[] = [
  { group: "", kind: "Pod", subresource: "resize", gate: "InPlacePodVerticalScaling" },
];

/** API changes public sources record after a pre-release tag the reference holds (rule pre-release-facts). */
export const PRE_RELEASE_FACTS: { minor: string; fact: string; unknown?: { document: string; field: string; kind: string } }[] = [
  { minor: "1.37", unknown: { document: "/apis/certificates.k8s.io/v1", field: "podcertificaterequests", kind: "PodCertificateRequest" },
    fact: "certificates.k8s.io/v1 PodCertificateRequest is on k8s.io/api master after v0.37.0-beta.0 (kubernetes pull request #139579, merged 2026-07-22), and the 1.37 release announcement (kubernetes/website pull request #56990) says Pod Certificates and Cluster Trust Bundles graduate to stable in 1.37; v0.37.0-beta.0 lacks the kind, so this snapshot does not list it" },
  { minor: "1.37", fact: "lifecycle.k8s.io/v1alpha1 (Eviction, EvictionRequest) is on k8s.io/api master after v0.37.0-beta.0; as an alpha version it would be off by default; whether it is in v1.37.0 is not established" },
  { minor: "1.37", fact: "scheduling.k8s.io/v1beta1 PodGroup and Workload are on k8s.io/api master after v0.37.0-beta.0; as betas introduced after 1.24 they would be off by default; whether they are in v1.37.0 is not established" },
  { minor: "1.37", fact: "the 1.37 release announcement describes StorageVersionMigration as a standard Kubernetes API (KEP 4192), as storagemigration.k8s.io/v1 in v0.37.0-beta.0 (served here) has it" },
];

export const GROUPS_WITHOUT_API_VERSION = new Set(["extensions"]);
export const AGGREGATOR_GROUP = "apiregistration.k8s.io";

/** [group priority, version priority] per group/version (apiServicePriorities rule). */
export const API_SERVICE_PRIORITIES: Record<string, [number, number]> = {
  "extensions/v1beta1": [17900, 1],
  "apps/v1": [17800, 15],
  "events.k8s.io/v1": [17750, 15],
  "events.k8s.io/v1beta1": [17750, 5],
  "authentication.k8s.io/v1": [17700, 15],
  "authentication.k8s.io/v1beta1": [17700, 9],
  "authentication.k8s.io/v1alpha1": [17700, 1],
  "authorization.k8s.io/v1": [17600, 15],
  "authorization.k8s.io/v1beta1": [17600, 9],
  "autoscaling/v2": [17500, 30],
  "autoscaling/v1": [17500, 15],
  "autoscaling/v2beta1": [17500, 9],
  "autoscaling/v2beta2": [17500, 1],
  "batch/v1": [17400, 15],
  "batch/v1beta1": [17400, 9],
  "certificates.k8s.io/v1": [17300, 15],
  "certificates.k8s.io/v1beta1": [17300, 9],
  "certificates.k8s.io/v1alpha1": [17300, 1],
  "networking.k8s.io/v1": [17200, 15],
  "networking.k8s.io/v1beta1": [17200, 9],
  "networking.k8s.io/v1alpha1": [17200, 1],
  "policy/v1": [17100, 15],
  "policy/v1beta1": [17100, 9],
  "rbac.authorization.k8s.io/v1": [17000, 15],
  "rbac.authorization.k8s.io/v1beta1": [17000, 12],
  "rbac.authorization.k8s.io/v1alpha1": [17000, 9],
  "storage.k8s.io/v1": [16800, 15],
  "storage.k8s.io/v1beta1": [16800, 9],
  "storage.k8s.io/v1alpha1": [16800, 1],
  "apiextensions.k8s.io/v1": [16700, 15],
  "apiextensions.k8s.io/v1beta1": [16700, 9],
  "admissionregistration.k8s.io/v1": [16700, 15],
  "admissionregistration.k8s.io/v1beta1": [16700, 12],
  "admissionregistration.k8s.io/v1alpha1": [16700, 9],
  "scheduling.k8s.io/v1": [16600, 15],
  "scheduling.k8s.io/v1beta1": [16600, 12],
  "scheduling.k8s.io/v1alpha1": [16600, 9],
  "coordination.k8s.io/v1": [16500, 15],
  "coordination.k8s.io/v1beta1": [16500, 13],
  "coordination.k8s.io/v1alpha2": [16500, 12],
  "node.k8s.io/v1": [16300, 15],
  "node.k8s.io/v1beta1": [16300, 9],
  "node.k8s.io/v1alpha1": [16300, 1],
  "discovery.k8s.io/v1": [16200, 15],
  "discovery.k8s.io/v1beta1": [16200, 12],
  "flowcontrol.apiserver.k8s.io/v1": [16100, 21],
  "flowcontrol.apiserver.k8s.io/v1beta3": [16100, 18],
  "flowcontrol.apiserver.k8s.io/v1beta2": [16100, 15],
  "flowcontrol.apiserver.k8s.io/v1beta1": [16100, 12],
  "flowcontrol.apiserver.k8s.io/v1alpha1": [16100, 9],
  "internal.apiserver.k8s.io/v1alpha1": [16000, 9],
  "resource.k8s.io/v1beta2": [16200, 15],
  "resource.k8s.io/v1beta1": [16200, 9],
  "resource.k8s.io/v1alpha3": [16200, 1],
  "storagemigration.k8s.io/v1beta1": [15800, 9],
};

// Turns one release's model into the snapshot: every discovery document plus the manifest.
import { groupVersionPath, type DocumentRef } from "../snapshot/documents";
import type { SnapshotDocument } from "../snapshot/fs";
import type { Manifest, Unknown } from "../snapshot/manifest";
import { renderAggregated, renderAPIGroup, renderAPIGroupList, renderAPIResourceList, renderAPIVersions, type RenderOptions } from "../discovery/render";
import type { VersionInfo } from "../discovery/types";
import type { AssembledRelease } from "./assemble";
import type { Reference } from "./reference";
import { aggregatedFormsFor, creationTimestampNull, GROUPS_WITHOUT_API_VERSION, PRE_RELEASE_FACTS, RULES } from "./rules";

export const BUILDER = "k8s-discovery-snapshots src/build";

/** The real /version of v1.29.2 (rule version-1.29.2). */
const VERSION_1_29_2: VersionInfo = { major: "1", minor: "29", gitVersion: "v1.29.2", gitCommit: "4b8e819355d791d96b7e9d9efe4cbafae2311c88", gitTreeState: "clean", buildDate: "2024-02-14T22:25:42Z", goVersion: "go1.21.7", compiler: "gc", platform: "linux/arm64" };

const patchOf = (gitVersion: string) => Number(/^v\d+\.\d+\.(\d+)/.exec(gitVersion)?.[1] ?? NaN);

interface VersionResult { doc: VersionInfo; from: string; unknown: string[]; notes: string[] }

/**
 * /version of a release (rule version-documents): a real upstream response where the reference has
 * one, else the release's gitVersion alone; laid out with exactly the fields version.Info has in
 * that release, so a field no source records is empty (omitted where omitempty) and listed as unknown.
 */
function versionDocument(ref: Reference, minor: string): VersionResult {
  const layout = ref.versionFields.get(minor);
  if (!layout) throw new Error(`version/fields.json has no version.Info fields for ${minor}`);
  const patch = ref.capturePatches.get(minor);
  const real = minor === "1.29"
    ? { info: VERSION_1_29_2, from: `rule ${RULES.version129.id}` }
    : (() => {
        const docs = ref.versionDocuments.filter((d) => d.minor === minor).sort((a, b) => patchOf(a.gitVersion) - patchOf(b.gitVersion));
        const d = patch ? docs.find((x) => x.gitVersion === `v${patch}`) : docs[0];
        return d ? { info: d.info, from: `${d.file} (a real response of ${d.gitVersion}, from ${d.source})` } : null;
      })();
  const gitVersion = real?.info.gitVersion ?? (patch ? `v${patch}` : `v${ref.api.get(minor)!.kubernetesVersion}`);
  const from = real?.from ?? (patch ? "captures/versions.json (kind node image of the capture)" : `k8s-api/${minor}.json (k8s.io/api ${ref.api.get(minor)!.sourceTag} is Kubernetes ${gitVersion})`);
  const known: Record<string, string> = { major: "1", minor: minor.split(".")[1]!, gitVersion, ...(real?.info as Record<string, string> | undefined) };
  const doc: Record<string, string> = {};
  const unknown: string[] = [];
  for (const field of layout.fields) {
    const value = known[field];
    if (value !== undefined && value !== "") doc[field] = value;
    else {
      unknown.push(field);
      if (!layout.omitempty.has(field)) doc[field] = "";
    }
  }
  const extra = Object.keys(known).filter((f) => !layout.fields.includes(f));
  const notes = [
    ...(real && minor !== "1.29" ? [`/version is the response of one real ${gitVersion} server; platform (${real.info.platform}) is that server's, other builds of the same release report their own.`] : []),
    ...(extra.length ? [`/version: the source response has fields that version.Info of ${minor} does not declare (${extra.join(", ")}); they are left out.`] : []),
  ];
  return { doc: doc as VersionInfo, from, unknown, notes };
}

export function snapshotFor(ref: Reference, minor: string, release: AssembledRelease, sourcesUsed: { file: string; sha256: string }[]): { manifest: Omit<Manifest, "documents">; docs: SnapshotDocument[] } {
  const forms = aggregatedFormsFor(minor);
  const opts: RenderOptions = { groupsWithoutApiVersion: GROUPS_WITHOUT_API_VERSION, creationTimestampNull: creationTimestampNull(minor) };
  const docs: SnapshotDocument[] = [];
  const add = (ref: DocumentRef, body: unknown) => docs.push({ ref, body });
  const core = release.groups.find((g) => g.name === "");
  const named = release.groups.filter((g) => g.name !== "");

  const version = versionDocument(ref, minor);
  add({ path: "/version", form: "legacy" }, version.doc);
  add({ path: "/api", form: "legacy" }, renderAPIVersions(core));
  add({ path: "/apis", form: "legacy" }, renderAPIGroupList(named, opts));
  for (const g of release.groups) {
    if (g.name !== "") add({ path: `/apis/${g.name}`, form: "legacy" }, renderAPIGroup(g, opts, false));
    for (const v of g.versions) add({ path: groupVersionPath(g.name, v.version), form: "legacy" }, renderAPIResourceList(g.name, v, opts));
  }
  for (const form of forms) {
    add({ path: "/api", form }, renderAggregated(core ? [core] : [], form, opts));
    add({ path: "/apis", form }, renderAggregated(named, form, opts));
  }
  // The root lists only the paths this snapshot serves; a real server also lists health, metrics and openapi paths.
  const paths = docs.filter((d) => d.ref.form === "legacy").map((d) => d.ref.path).sort();
  add({ path: "/", form: "legacy" }, { paths });

  const unknown: Unknown[] = [
    ...version.unknown.map((field) => ({ document: "/version", field, reason: "no real /version response of this release is in the reference" })),
    { document: "/api", field: "serverAddressByClientCIDRs", reason: "cluster-specific (the apiserver's advertised address); served as an empty list" },
    { document: "/", field: "paths", reason: "non-discovery paths (/healthz, /livez, /readyz, /metrics, /openapi/*, /.well-known/*, /logs) are not in the reference; only discovery paths are listed" },
    ...release.unknown,
  ];
  const preRelease = PRE_RELEASE_FACTS.filter((f) => f.minor === minor);
  for (const f of preRelease) if (f.unknown) unknown.push({ ...f.unknown, reason: f.fact });
  const api = ref.api.get(minor)!;
  const rules = [...release.rules, RULES.aggregatedForms.id, RULES.noApiVersion.id, RULES.creationTimestamp.id, RULES.versionDocuments.id,
    ...(minor === "1.29" ? [RULES.version129.id] : []), ...(preRelease.length ? [RULES.preReleaseFacts.id] : [])].sort();
  const manifest: Omit<Manifest, "documents"> = {
    id: minor,
    kubernetesVersion: minor,
    gitVersion: version.doc.gitVersion,
    aggregatedDiscovery: forms,
    provenance: {
      kind: "built",
      builder: BUILDER,
      sources: sourcesUsed,
      rules,
      parts: [
        { part: "/version", from: version.from },
        { part: "served groups, versions and kinds", from: `k8s-api/${minor}.json (+genclient kinds, lifecycle markers of all releases), captures/ (default-on beta exceptions), deprecations/pluto-versions.yaml (apiextensions/apiregistration betas)` },
        { part: "resource names", from: "captures/*.json, upstream-discovery/*" },
        { part: "shortNames", from: ref.captures.has(minor) ? `captures/${minor}.json, else upstream-discovery/*` : "upstream-discovery/*" },
        { part: "verbs, categories, singular names, subresources", from: "upstream-discovery/aggregated_v2*.json and api__v1.json (same resource in another version of its group where the exact version is absent)" },
        { part: "scope (namespaced)", from: `k8s-api/${minor}.json +genclient:nonNamespaced, checked against upstream-discovery` },
        { part: "group and version order", from: `rules ${RULES.aggregatorGroupFirst.id}, ${RULES.apiServicePriorities.id}` },
        { part: "storageVersionHash", from: [...release.hashSources].map(([from, n]) => `${from}: ${n}`).join("; ") || "none" },
      ],
    },
    unknown,
    inferred: release.inferred,
    notes: [
      ...(ref.capturePatches.has(minor) && minor !== "1.29" ? [`gitVersion is the patch release captures/versions.json names for the ${minor} capture; see the k8s-reference README caveat on patch versions.`] : []),
      ...(api.preRelease ? [`The API set comes from the pre-release tag ${api.sourceTag} of k8s.io/api (Kubernetes ${api.kubernetesVersion}), the newest tag the reference holds for ${minor}; changes made after that tag are not applied, and those that public sources record are listed here and under unknown.`] : []),
      ...preRelease.map((f) => `After ${api.sourceTag}: ${f.fact}.`),
      ...version.notes,
      ...release.notes,
    ],
  };
  return { manifest, docs };
}

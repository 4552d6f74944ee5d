// The manifest of a captured snapshot: identity from the server's /version, provenance "captured".
import type { AggregatedForm, VersionInfo } from "../discovery/types";
import type { Manifest, Unknown } from "../snapshot/manifest";
import { CaptureError } from "./errors";

/** "1.29" from /version; managed clusters report minors such as "29+" (GKE, EKS). */
export function minorOf(version: VersionInfo): string {
  const minor = /^(\d{1,3})\+?$/.exec(version.minor)?.[1];
  if (version.major !== "1" || minor === undefined) throw new CaptureError(`/version reports major ${JSON.stringify(version.major)} minor ${JSON.stringify(version.minor)}, not a Kubernetes 1.x release`);
  return `1.${Number(minor)}`;
}

export interface CapturedManifestInput {
  id: string;
  version: VersionInfo;
  aggregatedDiscovery: AggregatedForm[];
  unknown: Unknown[];
  server: string;
  capturedAt: Date;
  client: string;
}

export function capturedManifest(input: CapturedManifestInput): Omit<Manifest, "documents"> {
  const gitVersion = /^v1\.[0-9]+\.[0-9]+/.test(input.version.gitVersion) ? input.version.gitVersion : null;
  const unknown = gitVersion === null
    ? [...input.unknown, { document: "/version", field: "gitVersion", reason: `not a v1.x.y release name: ${JSON.stringify(input.version.gitVersion)}` }]
    : input.unknown;
  return {
    id: input.id,
    kubernetesVersion: minorOf(input.version),
    gitVersion,
    aggregatedDiscovery: input.aggregatedDiscovery,
    provenance: { kind: "captured", server: input.server, capturedAt: input.capturedAt.toISOString(), client: input.client },
    unknown,
    notes: [],
  };
}

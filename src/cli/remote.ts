// --server: the same subcommands answered by a deployed service's HTTP API. Answers are
// validated with the schemas the service renders from, then rendered locally.
import * as z from "zod";
import type { ManifestInput } from "../check/check";
import { CRDS_FIELD } from "../check/installed-crds";
import { CheckResult } from "../check/result";
import type { SnapshotEntry } from "../diff/snapshot-index";
import { SnapshotDiff } from "../diff/types";
import { Status } from "../discovery/types";
import { UsageError } from "./exit-codes";

export interface RemoteApi {
  diff(from: string, to: string, group: string | null, fields: boolean): Promise<SnapshotDiff>;
  /** `crds` go along as the form's crds files: installed in every target, not checked. */
  check(input: ManifestInput, targets: string[], fields: boolean, crds?: ManifestInput[]): Promise<CheckResult>;
  versions(): Promise<SnapshotEntry[]>;
}

/** GET /v1/versions; items carry more than a SnapshotEntry (aliases, counts), which the CLI does not show. */
const SnapshotList = z.object({
  kind: z.literal("SnapshotList"),
  items: z.array(z.looseObject({
    id: z.string(), kubernetesVersion: z.string(), provenance: z.enum(["built", "captured"]), gitVersion: z.string().nullable(),
  })),
});

async function answer<T>(res: Response, schema: z.ZodType<T>, accept: (status: number) => boolean): Promise<T> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${res.url} answered ${res.status} with a body that is not JSON`);
  }
  if (accept(res.status)) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new Error(`${res.url} answered ${res.status} with an unexpected body: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const status = Status.safeParse(body);
  const message = status.success ? status.data.message : text.slice(0, 200);
  // 4xx: the request (a target, a flag, the input) is the user's to fix.
  if (res.status >= 400 && res.status < 500) throw new UsageError(`server: ${message}`);
  throw new Error(`${res.url} answered ${res.status}: ${message}`);
}

/** A multipart body: the input as the file to check, each definition as a crds file (names kept: findings cite them). */
function checkForm(input: ManifestInput, crds: ManifestInput[]): FormData {
  const form = new FormData();
  form.append("file", new Blob([input.text]), input.source);
  for (const d of crds) form.append(CRDS_FIELD, new Blob([d.text]), d.source);
  return form;
}

export function remoteApi(server: string): RemoteApi {
  const base = server.replace(/\/+$/, "");
  const call = async (path: string, init?: RequestInit) => {
    try {
      return await fetch(`${base}${path}`, init);
    } catch (e) {
      throw new Error(`cannot reach ${base}: ${(e as Error).cause ?? (e as Error).message}`);
    }
  };
  return {
    async diff(from, to, group, fields) {
      const q = new URLSearchParams({ from, to, ...(group === null ? {} : { group }), ...(fields ? { fields: "true" } : {}) });
      return answer(await call(`/v1/diff?${q}`), SnapshotDiff, (s) => s === 200);
    },
    async check(input, targets, fields, crds = []) {
      const q = new URLSearchParams({ target: targets.join(","), source: input.source, ...(fields ? {} : { fields: "false" }) });
      const res = await call(`/v1/check?${q}`, crds.length
        ? { method: "POST", body: checkForm(input, crds) }
        : { method: "POST", body: input.text, headers: { "content-type": "application/yaml" } });
      // 422 still carries the verdicts of the documents that parsed.
      return answer(res, CheckResult, (s) => s === 200 || s === 422);
    },
    async versions() {
      const list = await answer(await call("/v1/versions"), SnapshotList, (s) => s === 200);
      return list.items.map(({ id, kubernetesVersion, provenance, gitVersion }) => ({ id, kubernetesVersion, provenance, gitVersion }));
    },
  };
}

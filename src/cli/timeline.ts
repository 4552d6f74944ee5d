// `kds timeline GROUP[/VERSION/KIND]`: in which releases an API is served, as GET /v1/timeline answers.
import { groupVersion } from "../discovery/model";
import { groupFromParam } from "../diff/group-name";
import { FieldPath, fieldTimeline } from "../fields/field-timeline";
import { renderFieldTimelineText } from "../fields/render-field-timeline";
import { TIMELINE_FORMATS, timelineRenderers } from "../timeline/render";
import { groupTimeline, resourceTimeline } from "../timeline/timeline";
import { toFile } from "../snapshot/wire";
import { oneOf, parseFlags } from "./args";
import { EXIT_OK, UsageError } from "./exit-codes";
import { cliSnapshots } from "./snapshot-store";

export const TIMELINE_HELP = `Usage: kds timeline GROUP[/VERSION/KIND] [flags]

Shows in which bundled releases a group's versions and resources are served, with their
lifecycle facts (deprecated, removed, replacement), like GET /v1/timeline. "core" is the core
group; KIND may be a kind or a resource name:
  kds timeline batch
  kds timeline networking.k8s.io/v1beta1/Ingress
  kds timeline core/v1/pods
  kds timeline core/v1/Pod --field spec.containers[].resizePolicy

Flags:
  -o, --output FORMAT   text (default), json, markdown (json and text with --field)
      --field PATH      one field of GROUP/VERSION/KIND: the releases whose API has it, and its
                        feature gates (list indexes may be written [0] or [])
  -h, --help            show this help

Exit status: 0 printed; 2 usage error or an API no release serves and no lifecycle fact names.
`;

export async function timelineCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: "string", short: "o" },
    field: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(TIMELINE_HELP); return EXIT_OK; }
  if (positionals.length !== 1) throw new UsageError("kds timeline takes one API, e.g. kds timeline batch or kds timeline batch/v1beta1/CronJob");
  const format = oneOf("--output", values.output, TIMELINE_FORMATS, "text");
  const parts = positionals[0]!.split("/");
  if (parts.length !== 1 && parts.length !== 3) throw new UsageError(`${positionals[0]}: write GROUP or GROUP/VERSION/KIND, e.g. batch/v1beta1/CronJob ("core" for the core group)`);
  const [group, version, kind] = parts as [string, string?, string?];
  if (values.field !== undefined && version === undefined) throw new UsageError("--field needs GROUP/VERSION/KIND, e.g. kds timeline core/v1/Pod --field spec.containers[].resizePolicy");
  const snapshots = await cliSnapshots(undefined);
  const history = snapshots.history();
  const t = version === undefined ? groupTimeline(history, groupFromParam(group)) : resourceTimeline(history, groupFromParam(group), version, kind!);
  if (!t) throw new UsageError(`no release serves ${positionals[0]} and no lifecycle fact names it`);
  if (values.field !== undefined) {
    if (format === "markdown") throw new UsageError("--field prints text or json");
    const path = FieldPath.safeParse(values.field);
    if (!path.success) throw new UsageError(`--field ${values.field}: not ${path.error.issues[0]!.message}`);
    const f = await fieldTimeline(snapshots, history, groupVersion(groupFromParam(group), version!), t.versions[0]!.resources[0]!.kind, path.data);
    if (!f.knownIn.length) throw new UsageError(`no release's API has field ${f.field} in ${f.apiVersion} ${f.objectKind}`);
    process.stdout.write(format === "json" ? toFile(f) : renderFieldTimelineText(f));
    return EXIT_OK;
  }
  process.stdout.write(format === "json" ? toFile(t) : timelineRenderers[format](t));
  return EXIT_OK;
}

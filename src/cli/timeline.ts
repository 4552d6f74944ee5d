// `kds timeline GROUP[/VERSION/KIND]`: in which releases an API is served, as GET /v1/timeline answers.
import { groupFromParam } from "../diff/group-name";
import { renderTimelineText } from "../timeline/render-text";
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

Flags:
  -o, --output FORMAT   text (default), json
  -h, --help            show this help

Exit status: 0 printed; 2 usage error or an API no release serves and no lifecycle fact names.
`;

export async function timelineCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    output: { type: "string", short: "o" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) { process.stdout.write(TIMELINE_HELP); return EXIT_OK; }
  if (positionals.length !== 1) throw new UsageError("kds timeline takes one API, e.g. kds timeline batch or kds timeline batch/v1beta1/CronJob");
  const format = oneOf("--output", values.output, ["text", "json"] as const, "text");
  const parts = positionals[0]!.split("/");
  if (parts.length !== 1 && parts.length !== 3) throw new UsageError(`${positionals[0]}: write GROUP or GROUP/VERSION/KIND, e.g. batch/v1beta1/CronJob ("core" for the core group)`);
  const [group, version, kind] = parts as [string, string?, string?];
  const history = (await cliSnapshots(undefined)).history();
  const t = version === undefined ? groupTimeline(history, groupFromParam(group)) : resourceTimeline(history, groupFromParam(group), version, kind!);
  if (!t) throw new UsageError(`no release serves ${positionals[0]} and no lifecycle fact names it`);
  process.stdout.write(format === "json" ? toFile(t) : renderTimelineText(t));
  return EXIT_OK;
}

// `kds capture`: record a snapshot from a live kube-apiserver (or kubectl proxy).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { captureSnapshot } from "../capture/capture";
import { resolveConnection } from "../capture/connection";
import { CaptureError } from "../capture/errors";
import { progressReporter, type ProgressStream } from "../capture/progress";

const EXIT_OK = 0, EXIT_FAILURE = 1, EXIT_USAGE = 2;

export const CAPTURE_HELP = `Usage: kds capture [flags]

Records a snapshot of every discovery document a kube-apiserver serves (/version, /, /api,
/api/<v>, /apis, /apis/<g>, /apis/<g>/<v>, aggregated /api and /apis in each form served),
custom resource groups included, into a snapshot folder with provenance "captured".

Connection (as kubectl):
  -s, --server URL                  API server or kubectl proxy, e.g. http://127.0.0.1:8001
      --token TOKEN                 bearer token
      --certificate-authority FILE  CA bundle (PEM) to verify the server
      --client-certificate FILE     client certificate (PEM)
      --client-key FILE             client key (PEM)
      --insecure-skip-tls-verify    do not verify the server's certificate
      --tls-server-name NAME        server name to verify the certificate against
      --kubeconfig FILE             kubeconfig (default: $KUBECONFIG, then ~/.kube/config,
                                    read only when --server is not given)
      --context NAME                kubeconfig context (default: current-context)
Output:
      --id ID                       snapshot id (default: the server's minor, e.g. 1.29)
      --out DIR                     snapshot folder (default: snapshots/<id>)
      --force                       replace an existing snapshot folder
Requests:
      --request-timeout DURATION    per request, e.g. 30s, 2m, 500ms (default 30s)
      --retries N                   retries for network errors, 429 and 5xx (default 3)
      --concurrency N               parallel requests (default 8)
  -h, --help                        show this help

Exit status: 0 captured, 1 capture failed, 2 usage or input error.
`;

const Duration = z.string().transform((s, ctx) => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  const ms = m ? Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms" | "s" | "m" | "h" ?? "s"] : NaN;
  if (!(ms > 0)) ctx.addIssue({ code: "custom", message: `not a positive duration such as 30s, 2m or 500ms: ${s}` });
  return ms;
});
const Count = (min: number) => z.string().regex(/^\d+$/, "not a whole number").transform(Number).pipe(z.number().int().min(min));

const Flags = z.object({
  server: z.string().min(1).optional(),
  token: z.string().min(1).optional(),
  "certificate-authority": z.string().min(1).optional(),
  "client-certificate": z.string().min(1).optional(),
  "client-key": z.string().min(1).optional(),
  "insecure-skip-tls-verify": z.boolean().optional(),
  "tls-server-name": z.string().min(1).optional(),
  kubeconfig: z.string().min(1).optional(),
  context: z.string().min(1).optional(),
  id: z.string().optional(),
  out: z.string().min(1).optional(),
  force: z.boolean().default(false),
  "request-timeout": Duration.default(30_000),
  retries: Count(0).default(3),
  concurrency: Count(1).default(8),
  help: z.boolean().default(false),
}).strict();

const PARSE_OPTIONS = {
  server: { type: "string", short: "s" },
  token: { type: "string" },
  "certificate-authority": { type: "string" },
  "client-certificate": { type: "string" },
  "client-key": { type: "string" },
  "insecure-skip-tls-verify": { type: "boolean" },
  "tls-server-name": { type: "string" },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  id: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  "request-timeout": { type: "string" },
  retries: { type: "string" },
  concurrency: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const PackageJson = z.object({ version: z.string() });
const CLIENT = `kds/${PackageJson.parse(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"))).version}`;

export interface CaptureIO {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: Record<string, string | undefined>;
  now: () => Date;
}

const processIO = (): CaptureIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() });

function parseFlags(argv: string[]): z.infer<typeof Flags> {
  let values: Record<string, unknown>;
  try {
    const parsed = parseArgs({ args: argv, options: PARSE_OPTIONS, strict: true, allowPositionals: true });
    if (parsed.positionals.length) throw new Error(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
    values = parsed.values;
  } catch (err) {
    throw new CaptureError(`${(err as Error).message}`, true);
  }
  const result = Flags.safeParse(values);
  if (!result.success) throw new CaptureError(result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "), true);
  return result.data;
}

export async function capture(argv: string[], io: CaptureIO = processIO()): Promise<number> {
  try {
    const flags = parseFlags(argv);
    if (flags.help) {
      io.stdout.write(CAPTURE_HELP);
      return EXIT_OK;
    }
    const connection = await resolveConnection({
      server: flags.server, token: flags.token, certificateAuthority: flags["certificate-authority"],
      clientCertificate: flags["client-certificate"], clientKey: flags["client-key"],
      insecureSkipTLSVerify: flags["insecure-skip-tls-verify"], tlsServerName: flags["tls-server-name"],
      kubeconfig: flags.kubeconfig, context: flags.context,
    }, io.env, flags["request-timeout"]);
    const progress = progressReporter(io.stderr);
    let result;
    try {
      result = await captureSnapshot({
        connection,
        policy: { timeoutMs: flags["request-timeout"], retries: flags.retries, retryDelayMs: 500, maxBodyBytes: 64 << 20, userAgent: CLIENT },
        concurrency: flags.concurrency, id: flags.id, out: flags.out, snapshotsRoot: "snapshots", force: flags.force,
        client: CLIENT, now: io.now, onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    const { manifest, dir } = result;
    for (const u of manifest.unknown) io.stderr.write(`warning: ${u.document} ${u.field}: ${u.reason}\n`);
    const forms = manifest.aggregatedDiscovery.length ? manifest.aggregatedDiscovery.join(", ") : "none";
    io.stdout.write(`captured ${manifest.id} (${manifest.gitVersion ?? `Kubernetes ${manifest.kubernetesVersion}`}) from ${manifest.provenance.kind === "captured" ? manifest.provenance.server : ""}: ${manifest.documents.length} documents, aggregated discovery: ${forms}, ${manifest.unknown.length} unknown -> ${dir}\n`);
    return EXIT_OK;
  } catch (err) {
    const usage = err instanceof CaptureError && err.usage;
    io.stderr.write(`kds capture: ${(err as Error).message}\n${usage ? "Run 'kds capture --help' for usage.\n" : ""}`);
    return usage ? EXIT_USAGE : EXIT_FAILURE;
  }
}

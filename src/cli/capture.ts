// `kds capture`: record a snapshot from a live kube-apiserver (or kubectl proxy).
import * as z from "zod";
import { captureSnapshot } from "../capture/capture";
import { resolveConnection } from "../capture/connection";
import { CaptureError } from "../capture/errors";
import { progressReporter, type ProgressStream } from "../capture/progress";
import { redact, secretsOf } from "../capture/redact";
import { parseFlags } from "./args";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from "./exit-codes";
import { KDS_VERSION } from "./version";

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

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const Duration = z.string().transform((s, ctx) => {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(s);
  const ms = m ? Number(m[1]) * DURATION_UNITS_MS[m[2] ?? "s"]! : 0;
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

/** First retry after half a second, doubling: 0.5 s, 1 s, 2 s with the default three retries. */
const RETRY_DELAY_MS = 500;
/** Far above any discovery document (a large cluster's aggregated /apis is a few MB); stops runaway answers. */
const MAX_BODY_BYTES = 64 << 20;

const CLIENT = `kds/${KDS_VERSION}`;

export interface CaptureIO {
  stdout: ProgressStream;
  stderr: ProgressStream;
  env: Record<string, string | undefined>;
  now: () => Date;
}

const processIO = (): CaptureIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date() });

function flagsOf(argv: string[]): z.infer<typeof Flags> {
  const { values, positionals } = parseFlags(argv, PARSE_OPTIONS);
  if (positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const result = Flags.safeParse(values);
  if (!result.success) throw new UsageError(result.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  return result.data;
}

/** Writes through `stream` with every known credential redacted (a server may echo them in its messages). */
function redacting(stream: ProgressStream, secrets: () => string[]): ProgressStream {
  return { write: (text: string) => stream.write(redact(text, secrets())), isTTY: stream.isTTY };
}

export async function capture(argv: string[], io: CaptureIO = processIO()): Promise<number> {
  let secrets: string[] = [];
  const stdout = redacting(io.stdout, () => secrets), stderr = redacting(io.stderr, () => secrets);
  try {
    const flags = flagsOf(argv);
    if (flags.help) {
      stdout.write(CAPTURE_HELP);
      return EXIT_OK;
    }
    secrets = secretsOf({ token: flags.token });
    const connection = await resolveConnection({
      server: flags.server, token: flags.token, certificateAuthority: flags["certificate-authority"],
      clientCertificate: flags["client-certificate"], clientKey: flags["client-key"],
      insecureSkipTLSVerify: flags["insecure-skip-tls-verify"], tlsServerName: flags["tls-server-name"],
      kubeconfig: flags.kubeconfig, context: flags.context,
    }, io.env, flags["request-timeout"]);
    secrets = secretsOf(connection);
    const progress = progressReporter(stderr);
    let result;
    try {
      result = await captureSnapshot({
        connection,
        policy: { timeoutMs: flags["request-timeout"], retries: flags.retries, retryDelayMs: RETRY_DELAY_MS, maxBodyBytes: MAX_BODY_BYTES, userAgent: CLIENT },
        concurrency: flags.concurrency, id: flags.id, out: flags.out, snapshotsRoot: "snapshots", force: flags.force,
        client: CLIENT, now: io.now, onProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    const { manifest, dir, server } = result;
    for (const u of manifest.unknown) stderr.write(`warning: ${u.document} ${u.field}: ${u.reason}\n`);
    const forms = manifest.aggregatedDiscovery.length ? manifest.aggregatedDiscovery.join(", ") : "none";
    stdout.write(`captured ${manifest.id} (${manifest.gitVersion ?? `Kubernetes ${manifest.kubernetesVersion}`}) from ${server}: ${manifest.documents.length} documents, aggregated discovery: ${forms}, ${manifest.unknown.length} unknown -> ${dir}\n`);
    return EXIT_OK;
  } catch (err) {
    const usage = err instanceof UsageError || (err instanceof CaptureError && err.usage);
    stderr.write(`kds capture: ${(err as Error).message}\n${usage ? 'Run "kds capture --help" for usage.\n' : ""}`);
    return usage ? EXIT_USAGE : EXIT_FAILED;
  }
}

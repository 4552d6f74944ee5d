// kubeconfig files (clientcmd's Config, YAML or JSON): parsing, validation and context selection.
// Fields the capture does not use are allowed (loose objects), so real kubeconfigs validate.
import { dirname, isAbsolute, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import * as z from "zod";
import { CaptureError } from "./errors";

export const KubeconfigCluster = z.looseObject({
  server: z.string().min(1),
  "certificate-authority": z.string().optional(),
  "certificate-authority-data": z.string().optional(),
  "insecure-skip-tls-verify": z.boolean().optional(),
  "tls-server-name": z.string().optional(),
  "proxy-url": z.string().optional(),
});
export type KubeconfigCluster = z.infer<typeof KubeconfigCluster>;

export const ExecConfig = z.looseObject({
  apiVersion: z.enum(["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]),
  command: z.string().min(1),
  args: z.array(z.string()).nullish(),
  env: z.array(z.object({ name: z.string(), value: z.string() })).nullish(),
});
export type ExecConfig = z.infer<typeof ExecConfig>;

export const KubeconfigUser = z.looseObject({
  token: z.string().optional(),
  tokenFile: z.string().optional(),
  "client-certificate": z.string().optional(),
  "client-certificate-data": z.string().optional(),
  "client-key": z.string().optional(),
  "client-key-data": z.string().optional(),
  exec: ExecConfig.optional(),
  "auth-provider": z.unknown().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
});
export type KubeconfigUser = z.infer<typeof KubeconfigUser>;

export const Kubeconfig = z.looseObject({
  clusters: z.array(z.looseObject({ name: z.string().min(1), cluster: KubeconfigCluster })).nullish(),
  users: z.array(z.looseObject({ name: z.string().min(1), user: KubeconfigUser })).nullish(),
  contexts: z.array(z.looseObject({ name: z.string().min(1), context: z.looseObject({ cluster: z.string().min(1), user: z.string().optional() }) })).nullish(),
  "current-context": z.string().optional(),
});
export type Kubeconfig = z.infer<typeof Kubeconfig>;

/** Parses one kubeconfig file; as clientcmd does, relative paths in it become relative to the file. */
export function parseKubeconfig(text: string, file: string): Kubeconfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new CaptureError(`${file}: not YAML: ${(err as Error).message}`, true);
  }
  const result = Kubeconfig.safeParse(doc ?? {});
  if (!result.success) throw new CaptureError(`${file}: not a valid kubeconfig: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, true);
  return resolvePaths(result.data, dirname(file));
}

function resolvePaths(config: Kubeconfig, dir: string): Kubeconfig {
  const abs = (p: string | undefined) => (p && !isAbsolute(p) ? resolve(dir, p) : p);
  const set = <T extends object>(obj: T, key: keyof T & string) => {
    const v = obj[key];
    if (typeof v === "string" && v) (obj as Record<string, unknown>)[key] = abs(v);
  };
  for (const { cluster } of config.clusters ?? []) set(cluster, "certificate-authority");
  for (const { user } of config.users ?? []) {
    for (const key of ["client-certificate", "client-key", "tokenFile"] as const) set(user, key);
    // A bare command name is looked up in PATH; only one with a path separator is a path.
    if (user.exec?.command.includes("/")) user.exec.command = abs(user.exec.command)!;
  }
  return config;
}

/** Merges several kubeconfigs ($KUBECONFIG is a path list): the first definition of a name wins. */
export function mergeKubeconfigs(configs: Kubeconfig[]): Kubeconfig {
  return {
    "current-context": configs.find((c) => c["current-context"])?.["current-context"],
    clusters: configs.flatMap((c) => c.clusters ?? []),
    users: configs.flatMap((c) => c.users ?? []),
    contexts: configs.flatMap((c) => c.contexts ?? []),
  };
}

export interface SelectedContext { context: string; cluster: KubeconfigCluster; user: KubeconfigUser }

/** The cluster and user of `--context`, or of current-context when none is given. */
export function selectContext(config: Kubeconfig, file: string, name?: string): SelectedContext {
  const context = name ?? config["current-context"];
  if (!context) throw new CaptureError(`${file}: no current-context; pass --context (one of: ${names(config.contexts)})`, true);
  const entry = config.contexts?.find((c) => c.name === context);
  if (!entry) throw new CaptureError(`${file}: context "${context}" not found (have: ${names(config.contexts)})`, true);
  const cluster = config.clusters?.find((c) => c.name === entry.context.cluster);
  if (!cluster) throw new CaptureError(`${file}: context "${context}" names cluster "${entry.context.cluster}", which is not defined`, true);
  const userName = entry.context.user;
  const user = userName === undefined ? undefined : config.users?.find((u) => u.name === userName);
  if (userName !== undefined && !user) throw new CaptureError(`${file}: context "${context}" names user "${userName}", which is not defined`, true);
  return { context, cluster: cluster.cluster, user: user?.user ?? {} };
}

function names(list: { name: string }[] | null | undefined): string {
  return list?.length ? list.map((c) => c.name).join(", ") : "none";
}

// Flag parsing shared by the subcommands (node:util parseArgs, strict: unknown flags are usage errors).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit-codes";

// Go's flag package (kubectl) reads --flag=true and --flag=false (and 1, t, T, TRUE, True, 0, f, …) for boolean flags.
const GO_BOOLEANS: Record<string, boolean> = Object.fromEntries([
  ...["1", "t", "T", "true", "TRUE", "True"].map((v) => [v, true]),
  ...["0", "f", "F", "false", "FALSE", "False"].map((v) => [v, false]),
]);

export function parseFlags<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  // Long boolean flags are read here (the last mention wins, as in kubectl); parseArgs reads the rest.
  const booleans = new Map<string, boolean>();
  const args: string[] = [];
  for (const [i, arg] of argv.entries()) {
    if (arg === "--") { args.push(...argv.slice(i)); break; }
    const [, name, text] = /^--([^=]+)(?:=(.*))?$/s.exec(arg) ?? [];
    if (name === undefined || options[name]?.type !== "boolean") { args.push(arg); continue; }
    const value = text === undefined ? true : GO_BOOLEANS[text];
    if (value === undefined) throw new UsageError(`--${name} takes true or false, got "${text}"`);
    booleans.set(name, value);
  }
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    for (const [name, value] of booleans) (parsed.values as Record<string, unknown>)[name] = value;
    return parsed;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** "--target 1.27,1.29 --target 1.32" -> ["1.27", "1.29", "1.32"] */
export function commaList(values: string | string[] | undefined): string[] {
  return [values ?? []].flat().flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
  return value as T;
}

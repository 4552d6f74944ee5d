// Flag parsing shared by the subcommands (node:util parseArgs, strict: unknown flags are usage errors).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit-codes";

export function parseFlags<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
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

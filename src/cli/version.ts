// The package's version, for `kds --version` and the capture client's User-Agent.
import { readFileSync } from "node:fs";
import * as z from "zod";

const PackageJson = z.object({ version: z.string() });

/** package.json sits two folders up from src/cli and from dist/cli alike. */
export const KDS_VERSION = PackageJson.parse(JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"))).version;

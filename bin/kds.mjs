#!/usr/bin/env node
// Starts the TypeScript CLI through tsx, so `npx kds` and the package bin need no build step.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../src/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2));

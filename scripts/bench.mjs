#!/usr/bin/env node
// npm run bench [-- --quick] [-- --extra-snapshots N] [-- --seconds S --connections C --json FILE]
// The modules beside it (scripts/bench/) do the work; BENCHMARKS.md explains the output.
import { tsImport } from "tsx/esm/api";

const { runBench } = await tsImport("./bench/run.ts", import.meta.url);
process.exitCode = await runBench(process.argv.slice(2));

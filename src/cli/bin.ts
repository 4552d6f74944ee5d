// The entry point the package's bin runs (built to dist/cli/kds.mjs by scripts/build-cli.mjs).
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));

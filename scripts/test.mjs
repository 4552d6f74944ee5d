#!/usr/bin/env node
// npm test [-- vitest arguments]: the type-check (tsc --noEmit) and the tests (vitest run) side by
// side. On a fresh clone tsc keeps one core busy for ~10 s, while vitest's first group (the worker
// project, one vitest worker) leaves room beside it. Fails when either fails; tsc's messages come
// after the tests' report.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const exited = (child) => new Promise((done) => child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0))));

const tsc = spawn(bin("tsc"), ["--noEmit"], { stdio: ["ignore", "pipe", "pipe"] });
const tscExited = exited(tsc); // listened to now: tsc usually ends before the tests do
let typeErrors = "";
tsc.stdout.on("data", (d) => (typeErrors += d));
tsc.stderr.on("data", (d) => (typeErrors += d));
const vitestCode = await exited(spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { stdio: "inherit" }));
const tscCode = await tscExited;
process.stdout.write(typeErrors);
console.log(tscCode === 0 ? "tsc --noEmit: no type errors" : `tsc --noEmit failed (exit ${tscCode})`);
process.exitCode = tscCode || vitestCode;

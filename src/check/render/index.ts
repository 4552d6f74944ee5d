// The check output formats, shared by POST /v1/check?format= and `kds check -o`.
import type { CheckResult } from "../result";
import { renderCheckGithub } from "./github";
import { renderCheckJson, renderCheckJsonChunks } from "./json";
import { renderCheckJunit } from "./junit";
import type { CheckRenderOptions } from "./options";
import { renderCheckMarkdown } from "./markdown";
import { renderCheckSarif } from "./sarif";
import { renderCheckText, renderCheckWide } from "./text";
import { renderCheckYaml } from "./yaml";

export const CHECK_FORMATS = ["json", "text", "wide", "github", "junit", "sarif", "markdown", "yaml"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

type Renderer<T> = (r: CheckResult, opts: CheckRenderOptions) => T;

/** Each format as pieces of text, in order: the CLI writes them as they come, so a large result is never one string. */
export const checkChunks: Record<CheckFormat, Renderer<Iterable<string>>> = {
  json: renderCheckJsonChunks,
  text: renderCheckText,
  wide: renderCheckWide,
  github: renderCheckGithub,
  junit: renderCheckJunit,
  sarif: renderCheckSarif,
  markdown: renderCheckMarkdown,
  yaml: renderCheckYaml,
};

/** Each format as one text (the HTTP answer); JSON, the default answer, without going through pieces. */
export const checkRenderers = {
  ...Object.fromEntries(CHECK_FORMATS.map((f) => [f, (r, opts) => [...checkChunks[f](r, opts)].join("")])),
  json: renderCheckJson,
} as Record<CheckFormat, Renderer<string>>;

export const checkContentTypes: Record<CheckFormat, string> = {
  json: "application/json",
  text: "text/plain; charset=utf-8",
  wide: "text/plain; charset=utf-8",
  github: "text/plain; charset=utf-8",
  junit: "application/xml",
  sarif: "application/sarif+json",
  markdown: "text/markdown; charset=utf-8",
  yaml: "application/yaml",
};

// The diff output formats, shared by GET /v1/diff?format= and `kds diff -o`.
import type { SnapshotDiff } from "../types";
import { renderDiffJson } from "./json";
import { renderDiffMarkdown } from "./markdown";
import { renderDiffText } from "./text";

export const DIFF_FORMATS = ["json", "markdown", "text"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export const diffRenderers: Record<DiffFormat, (d: SnapshotDiff) => string> = {
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
  text: renderDiffText,
};

export const diffContentTypes: Record<DiffFormat, string> = {
  json: "application/json",
  markdown: "text/markdown; charset=utf-8",
  text: "text/plain; charset=utf-8",
};

// The check output formats, shared by POST /v1/check?format= and `kds check -o`.
import type { CheckResult } from "../result";
import { renderCheckGithub } from "./github";
import { renderCheckJson } from "./json";
import { renderCheckJunit } from "./junit";
import type { CheckRenderOptions } from "./options";
import { renderCheckSarif } from "./sarif";
import { renderCheckText } from "./text";

export const CHECK_FORMATS = ["json", "text", "github", "junit", "sarif"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkRenderers: Record<CheckFormat, (r: CheckResult, opts: CheckRenderOptions) => string> = {
  json: renderCheckJson,
  text: renderCheckText,
  github: renderCheckGithub,
  junit: renderCheckJunit,
  sarif: renderCheckSarif,
};

export const checkContentTypes: Record<CheckFormat, string> = {
  json: "application/json",
  text: "text/plain; charset=utf-8",
  github: "text/plain; charset=utf-8",
  junit: "application/xml",
  sarif: "application/sarif+json",
};

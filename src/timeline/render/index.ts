// The timeline output formats: the diff's (json, markdown, text), with its content types.
import { DIFF_FORMATS, diffContentTypes, type DiffFormat } from "../../diff/render";
import { renderTimelineText } from "./text";
import type { APITimeline } from "../timeline";
import { renderTimelineMarkdown } from "./markdown";

export const TIMELINE_FORMATS = DIFF_FORMATS;
export type TimelineFormat = DiffFormat;
export const timelineContentTypes = diffContentTypes;

export const timelineRenderers: Record<TimelineFormat, (t: APITimeline) => string> = {
  json: (t) => JSON.stringify(t),
  markdown: renderTimelineMarkdown,
  text: renderTimelineText,
};

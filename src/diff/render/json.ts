import { toFile } from "../../snapshot/wire";
import type { SnapshotDiff } from "../types";

export function renderDiffJson(d: SnapshotDiff): string {
  return toFile(d);
}

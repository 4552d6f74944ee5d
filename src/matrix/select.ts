// Narrowing the availability matrix to what a reader asked for: some groups, a release range, a view.
import type { AvailabilityMatrix, MatrixRow } from "./availability";

export const MATRIX_VIEWS = ["group-versions", "resources"] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

export interface MatrixSelection {
  view: MatrixView;
  /** Group names ("" is core); empty means all. */
  groups: string[];
  /** Release ids bounding the columns; null means the first / the last. */
  from: string | null;
  to: string | null;
  /** Only resource rows of this kind (the kind pages). */
  kind?: string;
}

export interface SelectedMatrix { rows: MatrixRow[]; columns: number[] }

/** The rows and release columns of a selection; throws a sentence when a bound names no release. */
export function selectMatrix(m: AvailabilityMatrix, s: MatrixSelection): SelectedMatrix {
  const bound = (id: string | null, fallback: number) => {
    if (id === null) return fallback;
    const i = m.releases.indexOf(id);
    if (i < 0) throw new RangeError(`release ${id} is not in the matrix; releases are ${m.releases.join(", ")}`);
    return i;
  };
  const [a, b] = [bound(s.from, 0), bound(s.to, m.releases.length - 1)];
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const columns = Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
  const groups = new Set(s.groups);
  const rows = (s.view === "resources" || s.kind ? m.resources : m.groupVersions)
    .filter((r) => !groups.size || groups.has(r.group))
    .filter((r) => !s.kind || r.kind === s.kind)
    .filter((r) => columns.some((i) => r.cells[i] !== "absent"));
  return { rows, columns };
}

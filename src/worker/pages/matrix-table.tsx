// The availability table shared by /ui/matrix, /ui/kinds and their embeds: rows are group/versions
// or resources, columns releases; every cell says its state in a symbol and in words.
import { raw } from "hono/html";
import { CELL_STATES, type CellState, type MatrixRow } from "../../matrix/availability";
import { escapeMarkup } from "../../markup/escape";
import { displayGroup } from "../../diff/group-name";

export const STATE_SYMBOL: Record<CellState, string> = { served: "✓", deprecated: "!", off: "○", absent: "–" };
export const STATE_LABEL: Record<CellState, string> = { served: "served", deprecated: "deprecated", off: "off by default", absent: "not served" };

export function Legend() {
  return (
    <ul class="legend" aria-label="Legend">
      {(Object.keys(STATE_LABEL) as CellState[]).map((s) => (
        <li><span class={`state-${s} tag`}><span class="sym" aria-hidden="true">{STATE_SYMBOL[s]}</span> {STATE_LABEL[s]}</span></li>
      ))}
    </ul>
  );
}

export interface MatrixTableProps {
  releases: string[];
  rows: MatrixRow[];
  /** Release indexes to show (a contiguous range of the matrix's releases). */
  columns: number[];
  caption: string;
  /** Embeds open links in a new tab instead of inside the frame. */
  target?: "_blank";
}

/** A group name that may wrap after its dots and slash on a narrow screen (never inside a word). */
function Breakable({ text }: { text: string }) {
  return <>{text.split(/(?<=[./])/).map((part, i) => (i ? <><wbr />{part}</> : part))}</>;
}

const rowName = (r: MatrixRow) => (r.kind === null ? r.groupVersion : `${r.groupVersion} ${r.kind}`);

/** The markup of every possible cell, per release: thousands of cells become string joins, not JSX nodes. */
function cellMarkup(releases: string[]): Record<CellState, string>[] {
  return releases.map((release) => Object.fromEntries(CELL_STATES.map((s) => [s,
    `<td class="state-${s}" data-release="${escapeMarkup(release)}"><span class="sym" aria-hidden="true">${STATE_SYMBOL[s]}</span><span class="sr">${STATE_LABEL[s]}</span></td>`])) as Record<CellState, string>);
}

export function MatrixTable({ releases, rows, columns, caption, target }: MatrixTableProps) {
  const rel = target ? "noopener" : undefined;
  const cells = cellMarkup(releases);
  return (
    <div class="scroll" tabindex={0} role="region" aria-label={caption}>
      <table class="matrix">
        <caption class="sr">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rows[0]?.kind === null ? "group/version" : "group/version kind"}</th>
            {columns.map((i) => <th scope="col"><a href={`/ui/versions/${releases[i]}`} target={target} rel={rel}>{releases[i]}</a></th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr class={n === 0 || rows[n - 1]!.group !== r.group ? "group-start" : undefined} data-row={rowName(r)}>
              <th scope="row">
                {r.kind === null
                  ? <>{r.group === "" ? "" : <Breakable text={`${r.group}/`} />}<strong>{r.version}</strong>{r.group === "" ? <span class="muted"> (core)</span> : null}</>
                  : <><Breakable text={`${displayGroup(r.group)}/`} />{r.version} <a href={`/ui/kinds/${encodeURIComponent(r.kind)}`} target={target} rel={rel}>{r.kind}</a></>}
              </th>
              {raw(columns.map((i) => cells[i]![r.cells[i]!]).join(""))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

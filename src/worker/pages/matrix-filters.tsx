// The matrix's filter form (view, group, release range): a plain GET form.
import { displayGroup } from "../../diff/group-name";
import { MATRIX_VIEWS, type MatrixSelection } from "../../matrix/select";

export function MatrixFilters({ action, releases, groups, selection }: { action: string; releases: string[]; groups: string[]; selection: MatrixSelection }) {
  const chosen = selection.groups.length === 1 ? selection.groups[0] : undefined;
  return (
    <form class="inline" action={action} method="get">
      <label>Rows
        <select name="view">{MATRIX_VIEWS.map((v) => <option value={v} selected={v === selection.view}>{v === "resources" ? "resources" : "group/versions"}</option>)}</select>
      </label>
      <label>Group
        <select name="groups">
          <option value="">all groups</option>
          {groups.map((g) => <option value={displayGroup(g)} selected={g === chosen}>{displayGroup(g)}</option>)}
        </select>
      </label>
      <label>From
        <select name="from">{releases.map((r, i) => <option value={r} selected={selection.from ? r === selection.from : i === 0}>{r}</option>)}</select>
      </label>
      <label>To
        <select name="to">{releases.map((r, i) => <option value={r} selected={selection.to ? r === selection.to : i === releases.length - 1}>{r}</option>)}</select>
      </label>
      <button type="submit">Show</button>
    </form>
  );
}

// /ui/diff?from=&to=: what an upgrade adds, deprecates and removes.
import { DiffView } from "./diff-view";
import type { UpgradeDiff } from "./facts";
import { Page } from "./layout";

export interface DiffPageProps {
  ids: string[];
  from: string;
  to: string;
  result: UpgradeDiff | null;
}

export function DiffPage({ ids, from, to, result }: DiffPageProps) {
  const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  return (
    <Page title={result ? `Kubernetes ${from} → ${to}: what changes` : "What an upgrade changes"} json={result ? `/v1/diff?${q}` : undefined}>
      <h1>What changes from {from} to {to}</h1>
      <form class="inline" action="/ui/diff" method="get">
        <label>From<select name="from">{ids.map((id) => <option value={id} selected={id === from}>{id}</option>)}</select></label>
        <label>To<select name="to">{ids.map((id) => <option value={id} selected={id === to}>{id}</option>)}</select></label>
        <button type="submit">Compare</button>
      </form>
      {result ? <DiffView {...result} /> : null}
      {result ? <p>Also as <a href={`/v1/diff?${q}&format=markdown`}>Markdown</a> or <a href={`/v1/diff?${q}&format=text`}>text</a>; embed it with <code>{`<iframe src="/embed/diff?${q}">`}</code>.</p> : null}
    </Page>
  );
}

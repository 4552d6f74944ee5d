// /ui/check: paste manifests or upload a file, pick targets, see the verdicts. A plain
// multipart form posting back to /ui/check, so it works without JavaScript; the check itself
// is src/check, as behind POST /v1/check.
import type { CheckResult } from "../../check/result";
import { Page } from "./layout";

const LABEL = { served: "✓ served", deprecated: "! deprecated", "not-served": "✕ not served", unknown: "? unknown" } as const;
const FIELD_LABEL = { "unknown-field": "✕ unknown field", "gated-field": "! gated field" } as const;

function Results({ result }: { result: CheckResult }) {
  const s = result.summary;
  return (
    <section aria-label="Verdicts">
      <h2>Verdicts</h2>
      <p>{s.objects} objects: {s.served} served, {s.deprecated} deprecated, {s.notServed} not served, {s.unknown} unknown{s.invalid ? `, ${s.invalid} cannot be checked` : ""}{s.errors ? `, ${s.errors} documents could not be read` : ""}; {s.unknownFields} unknown fields, {s.gatedFields} gated fields{s.skipped ? `; ${s.skipped} inputs skipped` : ""}.</p>
      {result.errors.length || result.skipped.length ? (
        <ul>
          {result.errors.map((e) => <li>{e.source}, document {e.document}, line {e.line}: {e.message}</li>)}
          {result.skipped.map((k) => <li>{k.source}: {k.message}</li>)}
        </ul>
      ) : null}
      <table class="list">
        <thead><tr><th scope="col">object</th><th scope="col">where</th>{result.targets.map((t) => <th scope="col">{t.id}</th>)}</tr></thead>
        <tbody>
          {result.objects.map((o) => (
            <tr>
              <th scope="row">{o.apiVersion ?? "?"} {o.kind ?? "?"} {o.name ? <code>{o.namespace ? `${o.namespace}/` : ""}{o.name}</code> : null}</th>
              <td>{o.location.template ?? o.location.source}:{o.location.line}</td>
              {o.problem !== null
                ? <td colspan={result.targets.length}>{o.problem}</td>
                : o.verdicts.map((v) => {
                  const fields = o.fields.filter((f) => f.target === v.target);
                  return (
                    <td class={`verdict-${v.status}`}><strong>{LABEL[v.status]}</strong><br />{v.message}
                      {fields.length ? <ul>{fields.map((f) => <li><strong>{FIELD_LABEL[f.status]}</strong> line {f.line}: {f.message}</li>)}</ul> : null}
                    </td>
                  );
                })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CheckPage({ ids, chosen, text, result, error }: { ids: string[]; chosen: string[]; text: string; result: CheckResult | null; error: string | null }) {
  return (
    <Page title={result ? "Check results" : "Check manifests against Kubernetes releases"}>
      <h1>Check manifests against Kubernetes releases</h1>
      <p>Paste YAML or JSON (multi-document, Lists and <code>helm template</code> output are fine) or upload a file, pick target releases, and see for every object whether each release serves its apiVersion and kind.
        The same check answers <code>POST /v1/check?target=…</code> with the manifests as the body, and <code>kds check</code> on the command line.</p>
      {error ? <p role="alert"><strong>{error}</strong></p> : null}
      <form action="/ui/check" method="post" enctype="multipart/form-data">
        <fieldset>
          <legend>Targets</legend>
          {ids.map((id) => <label><input type="checkbox" name="target" value={id} checked={chosen.includes(id)} /> {id} </label>)}
        </fieldset>
        <p><label for="manifests">Manifests</label><br /><textarea id="manifests" name="manifests" spellcheck={false}>{text}</textarea></p>
        <p><label>or a file <input type="file" name="file" accept=".yaml,.yml,.json,text/yaml,application/json" /></label></p>
        <p><button type="submit">Check</button></p>
      </form>
      {result ? <Results result={result} /> : null}
    </Page>
  );
}

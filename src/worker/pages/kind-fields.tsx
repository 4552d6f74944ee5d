// A kind's fields on its page: per group/version, every field of the newest release that has it
// with the first release whose k8s.io/api has it (from the field indexes).
import type { FieldSince } from "../../fields/field-history";

export interface KindFields { groupVersion: string; fields: FieldSince[] }

export function KindFieldsView({ kind, fields, releases }: { kind: string; fields: KindFields[]; releases: string[] }) {
  if (!fields.some((f) => f.fields.length)) return null;
  return (
    <section aria-label="Fields">
      <h2>Fields</h2>
      <p>Every field of {kind} in the newest release that has it, with the first release whose API has it
        ({releases[0]} means {releases[0]} or earlier). Label and annotation keys and other map keys are values, not fields.</p>
      {fields.filter((f) => f.fields.length).map((f) => (
        <details>
          <summary>{f.groupVersion} {kind}: {f.fields.length} fields, {f.fields.filter((x) => x.since !== releases[0]).length} added since {releases[0]}</summary>
          <table class="list">
            <thead><tr><th scope="col">field</th><th scope="col">since</th></tr></thead>
            <tbody>{f.fields.map((x) => <tr><td><code>{x.path}</code></td><td>{x.since}</td></tr>)}</tbody>
          </table>
        </details>
      ))}
    </section>
  );
}

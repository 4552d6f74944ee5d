// A page that only says something: not found, a bad query, a list of matches.
import type { Child } from "hono/jsx";
import { Page } from "./layout";
import { SearchBox } from "./search-box";

export function MessagePage({ title, children, query }: { title: string; children: Child; query?: string }) {
  return (
    <Page title={title}>
      <h1>{title}</h1>
      {children}
      <SearchBox value={query} />
    </Page>
  );
}

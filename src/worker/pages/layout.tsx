// The frame every page shares: title, navigation to the other pages and to the JSON behind this one.
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import { CSS } from "./style";

export const NAV: [string, string][] = [
  ["/", "Home"], ["/ui/matrix", "Matrix"], ["/ui/diff", "Diff"], ["/ui/check", "Check"], ["/v1/versions", "JSON API"], ["/v1/openapi.json", "OpenAPI"],
];

export interface PageProps {
  title: string;
  /** The JSON this page shows, linked from the page. */
  json?: string;
  wide?: boolean;
  children: Child;
}

export function Page({ title, json, wide, children }: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Kubernetes discovery snapshots`}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body>
        <header class="site">
          <a class="brand" href="/">k8s discovery snapshots</a>
          <nav aria-label="Pages">
            {NAV.map(([href, label]) => <a href={href}>{label}</a>)}
          </nav>
        </header>
        <main class={wide ? "wide" : undefined}>
          {children}
        </main>
        <footer class="site">
          {json ? <>The data on this page as JSON: <a href={json}>{json}</a>. </> : null}
          Facts are built from the public Kubernetes API reference; see <a href="/v1/versions">/v1/versions</a> for provenance.
        </footer>
      </body>
    </html>
  );
}

export const THEMES = ["auto", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** A self-contained document for an <iframe>: inline CSS, no navigation, a link back to the full page. */
export function Embed({ title, theme, full, children }: { title: string; theme: Theme; full: string; children: Child }) {
  return (
    <html lang="en" data-theme={theme}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <style>{raw(CSS)}</style>
      </head>
      <body class="embed">
        <main>
          {children}
          <p class="muted"><a href={full} target="_blank" rel="noopener">{title}</a> · k8s discovery snapshots</p>
        </main>
      </body>
    </html>
  );
}

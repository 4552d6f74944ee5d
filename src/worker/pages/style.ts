// The pages' and embeds' only stylesheet, inlined (no external assets or fonts). Light and dark
// palettes; "auto" follows the reader's system setting. Cell states carry symbols and words too,
// so the colours are never the only signal.
const LIGHT = {
  bg: "#ffffff", fg: "#1f2328", muted: "#59636e", line: "#d1d9e0", accent: "#0550ae", head: "#f6f8fa",
  "served-bg": "#dafbe1", "served-fg": "#116329", "deprecated-bg": "#fff1c2", "deprecated-fg": "#6f4400",
  "off-bg": "#ddf4ff", "off-fg": "#0a3069", "absent-fg": "#59636e", code: "#eff2f5",
};
const DARK: typeof LIGHT = {
  bg: "#0d1117", fg: "#e6edf3", muted: "#9ea7b3", line: "#3d444d", accent: "#71b7ff", head: "#151b23",
  "served-bg": "#113620", "served-fg": "#6fdd8b", "deprecated-bg": "#3a2d00", "deprecated-fg": "#f0c34a",
  "off-bg": "#0f2a52", "off-fg": "#a5d6ff", "absent-fg": "#9ea7b3", code: "#1f2630",
};

const vars = (p: typeof LIGHT) => Object.entries(p).map(([k, v]) => `--${k}:${v}`).join(";");

export const CSS = `
:root{${vars(LIGHT)};color-scheme:light}
:root[data-theme=dark]{${vars(DARK)};color-scheme:dark}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${vars(DARK)};color-scheme:dark}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
a{color:var(--accent)}
code,pre,kbd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px}
pre{background:var(--code);padding:.6rem .8rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
header.site{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--head)}
header.site .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.site nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
main{padding:1rem;max-width:80rem;margin:0 auto}
main.wide{max-width:none}
h1{font-size:1.5rem;margin:.2rem 0 .6rem}
h2{font-size:1.2rem;margin:1.4rem 0 .4rem}
h3{font-size:1.05rem;margin:1rem 0 .3rem}
.muted{color:var(--muted)}
footer.site{padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
table{border-collapse:collapse}
th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head)}
.list td,.list th{font-size:14px}
form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.5rem 0 1rem}
form.inline label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
input,select,textarea,button{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.3rem .5rem}
button{background:var(--accent);color:var(--bg);border-color:var(--accent);cursor:pointer}
textarea{width:100%;min-height:14rem;font-family:ui-monospace,Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:13px}
fieldset{border:1px solid var(--line);border-radius:6px}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.4rem 0;font-size:13px;padding:0;list-style:none}
.scroll{display:inline-block;max-width:100%;overflow:auto;max-height:80vh;border:1px solid var(--line)}
h3 .raw{font-size:13px;font-weight:400}
.matrix{font-size:12px;border-collapse:separate;border-spacing:0}
.matrix th,.matrix td{border:0;border-right:1px solid var(--line);border-bottom:1px solid var(--line);white-space:nowrap;padding:.15rem .35rem}
.matrix thead th{position:sticky;top:0;z-index:2;text-align:center}
.matrix th[scope=row]{position:sticky;left:0;z-index:1;background:var(--bg);font-weight:500}
.matrix thead th:first-child{left:0;z-index:3;text-align:left}
.matrix td{text-align:center;min-width:2.6rem}
.matrix tr.group-start th,.matrix tr.group-start td{border-top:2px solid var(--line)}
.state-served{background:var(--served-bg);color:var(--served-fg)}
.state-deprecated{background:var(--deprecated-bg);color:var(--deprecated-fg)}
.state-off{background:var(--off-bg);color:var(--off-fg)}
.state-absent{color:var(--absent-fg)}
.sym{font-weight:700}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.tag{display:inline-block;border:1px solid var(--line);border-radius:1em;padding:0 .5em;font-size:12px}
.verdict-served{color:var(--served-fg)}
.verdict-deprecated{color:var(--deprecated-fg)}
.verdict-not-served{font-weight:700}
ul.tight{margin:.2rem 0;padding-left:.2rem;list-style:none}
body.embed main{padding:.5rem;max-width:none}
body.embed .scroll{max-height:none}
@media (max-width:40rem){main{padding:.6rem}.matrix{font-size:11px}.matrix th[scope=row]{white-space:normal;min-width:7rem;max-width:10rem}}
`;

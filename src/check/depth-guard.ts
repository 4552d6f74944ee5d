// Refuses documents nested too deeply before the YAML composer (which recurses) sees them,
// using only the lexer (which does not). The depth is estimated from the columns of block
// content and the count of open flow collections; the estimate is within a constant of the
// real depth, which is all a resource limit needs. Refused documents are blanked to a null
// document in place, so offsets, line numbers and document numbers stay as in the input.
import { Lexer } from "yaml";

// The lexer's zero-width markers (DOCUMENT, FLOW_END, SCALAR) are not source text.
const ZERO_WIDTH = new Set(["\x02", "\x18", "\x1f"]);
const NOT_CONTENT = /^(?:\s+|#.*|:|,|---|\.\.\.|%.*)$/s;

export interface DeepDocument {
  /** Offset where the document starts (its "---", or its first token). */
  start: number;
  /** Offset of the first token past the limit. */
  at: number;
}

interface DocScan { start: number; contentStart: number; at: number | null }

function findDeepDocuments(text: string, maxDepth: number): { docs: DocScan[]; deep: DeepDocument[] } {
  const docs: DocScan[] = [];
  let off = 0, col = 0, flow = 0, prev = "";
  let block: number[] = [];
  const startDoc = (at: number) => { docs.push({ start: at, contentStart: at, at: null }); flow = 0; block = []; };
  for (const tok of new Lexer().lex(text)) {
    if (tok === "\x02") startDoc(off);
    else if (tok === "---" && col === 0 && prev !== "\x02") startDoc(off);
    const cur = docs.at(-1);
    if (tok === "---" && cur) cur.contentStart = off + 3;
    if (!ZERO_WIDTH.has(tok)) {
      if (cur && cur.at === null && !NOT_CONTENT.test(tok)) {
        const c = col + (tok.length - tok.trimStart().length);
        if (flow === 0) {
          while (block.length && block.at(-1)! > c) block.pop();
          if (!block.length || block.at(-1)! < c) block.push(c);
        }
        if (tok === "[" || tok === "{") flow++;
        else if ((tok === "]" || tok === "}") && flow > 0) flow--;
        if (block.length + flow > maxDepth) cur.at = off;
      }
      off += tok.length;
      const nl = tok.lastIndexOf("\n");
      col = nl < 0 ? col + tok.length : tok.length - nl - 1;
    }
    prev = tok;
  }
  return { docs, deep: docs.filter((d) => d.at !== null).map((d) => ({ start: d.start, at: d.at! })) };
}

/** The text with every too-deep document replaced by "~" (null) and spaces, newlines kept. */
export function blankDeepDocuments(text: string, maxDepth: number): { text: string; deep: DeepDocument[] } {
  const { docs, deep } = findDeepDocuments(text, maxDepth);
  if (!deep.length) return { text, deep };
  let out = "";
  let done = 0;
  docs.forEach((d, i) => {
    if (d.at === null) return;
    const end = docs[i + 1]?.start ?? text.length;
    const blank = text.slice(d.contentStart, end).replace(/[^\n]/g, " ");
    const first = /\S/.exec(text.slice(d.contentStart, end))?.index ?? 0;
    out += text.slice(done, d.contentStart) + (blank.slice(0, first) + "~" + blank.slice(first + 1));
    done = end;
  });
  return { text: out + text.slice(done), deep };
}

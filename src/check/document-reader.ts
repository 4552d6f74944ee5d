// What a fast document reader gives parse.ts for one document: the block YAML reader
// (block-yaml.ts) and the JSON reader (json-document.ts) answer alike, or decline with null and
// leave the document to the YAML library.

export interface ReadDocument {
  value: unknown;
  /** Offset (in the text given) of the document's first content character, or null when it has none. */
  contentStart: number | null;
  /** The comment lines before the content, each without its "#". */
  comments: string[];
  /** Where each item of every `items` sequence starts (of every sequence, when positions were asked for). */
  itemStarts: Map<unknown[], number[]>;
  /** Where each key of every mapping starts, when positions were asked for. */
  keyStarts: Map<object, Map<string, number>>;
  /** The line (0-based, in the text given) of an offset. */
  lineOf(offset: number): number;
  /** How many line breaks the text holds. */
  newlines: number;
}

/** Nesting beyond this is declined: the library reader then applies the depth limit with its messages. */
export const MAX_NESTING = 64;

/** Reads one document; `positions` asks for every key's and item's offset (the lines of field findings). */
export type DocumentReader = (text: string, positions?: boolean) => ReadDocument | null;

/** lineOf for a text whose lines start at `starts` (ascending, starting with 0). */
export function lineOfOffsets(starts: readonly number[]): (offset: number) => number {
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

/** The text of a manifest body, or null when the bytes are not UTF-8 (a BOM is dropped, as kubectl does). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

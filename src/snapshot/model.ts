// The discovery model of a snapshot's legacy documents (no Node dependencies).
import type { GroupModel } from "../discovery/model";
import { modelFromLegacy } from "../discovery/read";
import { documentKey } from "./documents";

/** `documents` is keyed by documentKey, as LoadedSnapshot.documents is. */
export function modelOfDocuments(documents: ReadonlyMap<string, { body: unknown }>): GroupModel[] {
  return modelFromLegacy((path) => documents.get(documentKey({ path, form: "legacy" }))?.body);
}

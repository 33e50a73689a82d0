import { Revision } from "./pdf-revision";
import { decodedStream, type PdfObjectIndex } from "./scan-pdf-objects";

/** The validation data a PDF carries in its Document Security Store (PAdES B-LT), as of its last revision. */
export interface DocumentSecurityStore {
  certs: Uint8Array[];
  ocsps: Uint8Array[];
  crls: Uint8Array[];
  /** The VRI keys: uppercase hex SHA-1 of each covered signature's /Contents. */
  vriKeys: Set<string>;
}

/** Reads the catalog's /DSS of the revision ending at `end`; undefined when there is none. Streams it cannot decode are left out. */
export function readDocumentSecurityStore(index: PdfObjectIndex, end: number): DocumentSecurityStore | undefined {
  const revision = new Revision(index, end);
  const dss = revision.dictionary(revision.catalog()?.get("DSS"));
  if (!dss) return undefined;
  const streams = (key: string) =>
    revision.references(dss.get(key)).flatMap((number) => {
      const entry = revision.entry(number);
      const data = entry && decodedStream(index, entry);
      return data === undefined ? [] : [new Uint8Array(Buffer.from(data, "latin1"))];
    });
  return { certs: streams("Certs"), ocsps: streams("OCSPs"), crls: streams("CRLs"), vriKeys: new Set(revision.dictionary(dss.get("VRI"))?.keys() ?? []) };
}

import { createHash } from "node:crypto";
import { IncrementalUpdate } from "@/lib/signing/incremental-update";
import { inlineDictionary } from "@/lib/signing/pdf-dictionary";
import { PdfForUpdate } from "@/lib/signing/read-pdf-for-update";
import { pdfDateString } from "@/lib/signing/pdf-text-string";

/** What one signature (or timestamp) needs to be validated with no network: PAdES B-LT. */
export interface SignatureValidationData {
  /** The VRI key: uppercase hex SHA-1 of the signature's /Contents bytes (see vri-key.ts). */
  vriKey: string;
  certs: Uint8Array[];
  ocsps: Uint8Array[];
  crls: Uint8Array[];
}

const ARRAYS = { certs: "Certs", ocsps: "OCSPs", crls: "CRLs" } as const;
const VRI_ARRAYS = { certs: "Cert", ocsps: "OCSP", crls: "CRL" } as const;

/**
 * Adds the Document Security Store (ISO 32000-2 §12.8.4.3, ETSI EN 319 142-1 §5.4.2) in one incremental update:
 * each certificate, OCSP response and CRL as a stream, listed in /Certs, /OCSPs, /CRLs, and per signature a
 * /VRI entry naming its own, with the time it was gathered (/TU). An earlier DSS is kept and extended — its
 * arrays and VRI entries stay as they were — so each signature's data, once added, is never dropped. Allowed
 * after any signature (lib/signing/classify-changes-after-signature.ts: "dss").
 */
export function appendDssRevision(pdf: Uint8Array, entries: SignatureValidationData[], now: Date): Uint8Array {
  const file = new PdfForUpdate(pdf);
  const catalog = file.catalog();
  const dss = file.dictionary(catalog.value.entries.get("DSS"));
  const update = new IncrementalUpdate(file);

  const lists = {
    certs: file.references(dss?.entries.get(ARRAYS.certs)).map((n) => `${n} 0 R`),
    ocsps: file.references(dss?.entries.get(ARRAYS.ocsps)).map((n) => `${n} 0 R`),
    crls: file.references(dss?.entries.get(ARRAYS.crls)).map((n) => `${n} 0 R`),
  };
  // Within this update one stream per distinct blob: the CA certificate serves every signature.
  const streams = new Map<string, string>();
  const streamOf = (der: Uint8Array, list: string[]) => {
    const hash = createHash("sha256").update(der).digest("hex");
    let reference = streams.get(hash);
    if (!reference) {
      const number = update.allocate();
      update.writeObject(number, `<< /Length ${der.byteLength} >>`, der);
      reference = `${number} 0 R`;
      streams.set(hash, reference);
      list.push(reference);
    }
    return reference;
  };

  const vriValue = dss?.entries.get("VRI");
  const vri = new Map(inlineDictionary(vriValue) ?? file.dictionary(vriValue)?.entries ?? []);
  for (const entry of entries) {
    const parts = (Object.keys(VRI_ARRAYS) as (keyof typeof VRI_ARRAYS)[])
      .filter((kind) => entry[kind].length > 0)
      .map((kind) => `/${VRI_ARRAYS[kind]} [ ${entry[kind].map((der) => streamOf(der, lists[kind])).join(" ")} ]`);
    const number = update.allocate();
    update.writeObject(number, `<< /Type /VRI ${parts.join(" ")} /TU ${pdfDateString(now)} >>`);
    vri.set(entry.vriKey, `${number} 0 R`);
  }

  const dssEntries = (Object.keys(ARRAYS) as (keyof typeof ARRAYS)[]).filter((kind) => lists[kind].length > 0).map((kind) => `/${ARRAYS[kind]} [ ${lists[kind].join(" ")} ]`);
  const vriEntries = [...vri].map(([key, value]) => `/${key} ${value}`).join(" ");
  const dssNumber = update.allocate();
  update.writeObject(dssNumber, `<< /Type /DSS ${dssEntries.join(" ")} /VRI << ${vriEntries} >> >>`);
  const catalogEntries = new Map(catalog.value.entries);
  catalogEntries.set("DSS", `${dssNumber} 0 R`);
  update.writeObject(catalog.number, `<< ${[...catalogEntries].map(([key, value]) => `/${key} ${value}`).join(" ")} >>`, undefined, catalog.generation);
  return new Uint8Array(update.finish());
}

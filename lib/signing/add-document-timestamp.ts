import { randomBytes } from "node:crypto";
import { appendSignatureRevision } from "./append-signature-revision";
import { writeContents } from "./pdf-signature-placeholder";
import type { SignatureTimestamper } from "./timestamp";

/**
 * PAdES B-LTA's archive time-stamp (ETSI EN 319 142-1 §5.4.3): an invisible /DocTimeStamp field whose /Contents
 * is an RFC 3161 token over the whole file as it stands (SubFilter ETSI.RFC3161), appended through the same
 * revision writer as every signature. Null when the timestamper declined (its caller recorded why).
 */
export async function addDocumentTimestamp(pdf: Uint8Array, timestamper: SignatureTimestamper, now: Date): Promise<{ bytes: Uint8Array; token: Uint8Array } | null> {
  const prepared = await appendSignatureRevision({
    pdf,
    // One per renewal, named by its time (and a nonce: a field name must be unique in its document).
    fieldName: `DauThoiGianLuuTru_${now.toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`,
    dictionaryType: "DocTimeStamp",
    signatureEntries: ["/Filter /Adobe.PPKLite", "/SubFilter /ETSI.RFC3161"],
    capacity: timestamper.tokenCapacity,
  });
  const token = await timestamper.stamp(prepared.contentDigest);
  return token ? { bytes: writeContents(prepared, token), token } : null;
}

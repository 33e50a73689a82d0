/**
 * A certificate serial as lowercase hex of its DER INTEGER content: minimal, with a 00 byte in front when the
 * first byte has its high bit set (else it is a negative number). Stored serials come from different writers,
 * some with that 00 and some without; comparing raw strings answered "unknown" for a revoked certificate.
 */
export function canonicalSerialHex(hex: string): string {
  let value = hex.toLowerCase().replace(/^(00)+/, "");
  if (value.length % 2 === 1) value = `0${value}`;
  if (value === "") return "00";
  return parseInt(value.slice(0, 2), 16) >= 0x80 ? `00${value}` : value;
}

/** Every stored spelling of one serial: with and without the sign byte. */
export function serialSpellings(hex: string): string[] {
  const canonical = canonicalSerialHex(hex);
  return canonical.startsWith("00") && canonical.length > 2 ? [canonical, canonical.slice(2)] : [canonical];
}

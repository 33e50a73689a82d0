/**
 * A register number with its code as Decree 30 App. I §II.3 writes it: "05/CK-UBND" — two digits below 10.
 * The document prints it after "Số: "; lists, exports and the archive show it as is.
 */
export function registerNumber(number: number, code: string): string {
  return `${String(number).padStart(2, "0")}/${code}`;
}

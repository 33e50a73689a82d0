/** Section "report" (issue 15); the Vietnamese file is the reference. */
export const report = {
  link: "Validation report (PDF)",
  linkTitle: "Digital signature validation report of the current version: signers, certificates, times, hashes and audit trail",
  badQuery: "Invalid parameter: only download=1 is accepted.",
};

/** Section "issuance" (issue 14). */
export const issuance = {
  title: "issuance",
};

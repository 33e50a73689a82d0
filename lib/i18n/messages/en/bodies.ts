/** Section "bodies" (issue 14). */
export const bodies = {
  title: "bodies",
};

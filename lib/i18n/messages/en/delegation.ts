/** Section "delegation" (issue 14). */
export const delegation = {
  title: "delegation",
};

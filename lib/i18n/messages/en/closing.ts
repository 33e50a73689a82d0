/** Section "closing" (issue 14). */
export const closing = {
  title: "closing",
};

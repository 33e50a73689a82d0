import { z } from "zod";

// C0 and C1 control characters (NUL included): no one types them into a search box, only a crafted
// link carries them, and PostgreSQL refuses NUL in any text parameter (22021), which used to be a 500.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

const withoutControlCharacters = (text: string) => text.replace(CONTROL_CHARACTERS, " ");

/** Search text as the lists compare it: no control characters, NFC (so "Đức" typed on any keyboard matches), single spaces. */
export function cleanSearchText(raw: string): string {
  return withoutControlCharacters(raw).normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * The `?q=` of every list page. Control characters become spaces; a junk value (an array, over 100
 * characters, nothing but control characters and spaces) becomes "no search" instead of an error, so a
 * crafted link still shows the list (the dashboard names the search as ignored). Otherwise the text is
 * kept as typed, for the search box; the list functions clean it with cleanSearchText.
 */
export const searchQuerySchema = z
  .string()
  .max(100)
  .transform((raw) => {
    const text = withoutControlCharacters(raw);
    return text.trim() ? text : undefined;
  })
  .optional()
  .catch(undefined);

/**
 * Vietnamese name → ASCII slug: diacritics dropped, đ/Đ → d, lower case, words joined by '-'.
 * "Phường Đức Thắng" → "phuong-duc-thang". Used for unit slugs and the demo e-mail addresses.
 */
export function slugify(name: string): string {
  return foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Lower-case ASCII form used for diacritics-insensitive search ("duc thang" finds "Đức Thắng"). */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

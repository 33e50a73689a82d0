import { COMMON_PASSWORDS, KEYBOARD_RUNS } from "./common-passwords";

/**
 * The rule for every password an admin sets (new account, reset): at least 12 characters — a short
 * sentence of a few words qualifies and is easier to remember than symbols — not one of the most common
 * passwords or a keyboard run, not mostly one character, and not the person's own name or e-mail.
 * Argon2 and the login throttle make online guessing slow; this keeps the first guesses from working.
 * The demo seed's published password is not an admin-set one and is not checked.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Fewer different characters than this ("aaaaaaaaaaab", "abcabcabcabc", spaces) is no password. */
const MIN_DISTINCT_CHARACTERS = 5;
/** Name and e-mail parts shorter than this (An, Lê, Thị) are too common inside ordinary words to refuse. */
const MIN_PERSONAL_PART = 4;

export type PasswordProblem = "tooShort" | "tooSimple" | "common" | "personal";

/** Lower-case, without Vietnamese diacritics (đ → d), so "MậtKhẩu" is "matkhau". */
const fold = (text: string) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/gi, "d").toLowerCase();

function isCommon(folded: string): boolean {
  const stem = folded.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (COMMON_PASSWORDS.has(folded) || (stem && COMMON_PASSWORDS.has(stem))) return true;
  const compact = folded.replace(/\s+/g, "");
  return KEYBOARD_RUNS.some((run) => run.includes(compact) || [...run].reverse().join("").includes(compact));
}

/** The parts of a person's name and e-mail a password must not contain. */
function personalParts(person: { email?: string; fullName?: string }): string[] {
  const email = fold(person.email ?? "");
  const local = email.split("@")[0] ?? "";
  const name = fold(person.fullName ?? "");
  const parts = [email, local, ...local.split(/[._+-]/), name.replace(/\s+/g, ""), ...name.split(/\s+/)];
  return parts.filter((part) => part.length >= MIN_PERSONAL_PART);
}

/** The first rule this password breaks, or null. Without a person only the context-free rules apply. */
export function passwordProblem(password: string, person: { email?: string; fullName?: string } = {}): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  const folded = fold(password);
  if (!folded.trim() || new Set(folded.replace(/\s/g, "")).size < MIN_DISTINCT_CHARACTERS) return "tooSimple";
  if (isCommon(folded)) return "common";
  const squeezed = folded.replace(/\s+/g, "");
  if (personalParts(person).some((part) => squeezed.includes(part))) return "personal";
  return null;
}

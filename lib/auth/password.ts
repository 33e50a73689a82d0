import bcrypt from "bcryptjs";

// bcrypt cost 10 ≈ 70 ms in pure JS on these machines: slow enough against guessing, fast enough to sign in.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** The address links in e-mails point to (the app's public URL, as next-auth knows it). */
export const appUrl = () => process.env.NEXTAUTH_URL ?? "http://localhost:3000";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/layout/app-header";
import { messagesFor } from "@/lib/i18n/messages-for";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const { footer, cityCa } = messagesFor(user).common;
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-500">
        {footer.text}{" "}
        <a href="/ca" className="text-brand-700 hover:underline">
          {cityCa.link}
        </a>{" "}
        {footer.caHint}
      </footer>
    </>
  );
}

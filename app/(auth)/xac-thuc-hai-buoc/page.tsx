import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInPerson } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { messagesFor } from "@/lib/i18n/messages-for";
import { SECOND_FACTOR_PAGES } from "@/lib/second-factor/second-factor-pages";
import { CodeForm } from "@/components/second-factor/code-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { verifySecondFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const person = await getSignedInPerson();
  return { title: messagesFor(person?.actor).secondFactor.verifyTitle };
}

export default async function SecondFactorPage() {
  const person = await getSignedInPerson();
  if (!person) redirect("/login");
  if (person.secondFactor === "done") redirect(ROLE_HOME[person.actor.role]);
  if (person.secondFactor === "enrol") redirect(SECOND_FACTOR_PAGES.enrol);
  const m = messagesFor(person.actor).secondFactor;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold text-brand-800">{m.verifyTitle}</h1>
        <p className="text-sm text-slate-600">{m.verifyIntro}</p>
        <CodeForm action={verifySecondFactorAction} label={m.code} submitLabel={m.verify} />
        <SignOutButton tone="page" />
      </div>
    </main>
  );
}

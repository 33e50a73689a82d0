import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSignedInPerson } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { messagesFor } from "@/lib/i18n/messages-for";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { SECOND_FACTOR_PAGES } from "@/lib/second-factor/second-factor-pages";
import { secondFactorRequired } from "@/lib/second-factor/second-factor-policy";
import { getSecondFactorStatus } from "@/lib/second-factor/get-second-factor-status";
import { startSecondFactorEnrolment } from "@/lib/second-factor/start-second-factor-enrolment";
import { CodeForm } from "@/components/second-factor/code-form";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { disableSecondFactorAction, renewRecoveryCodesAction } from "./actions";
import { EnrolmentForm } from "@/components/second-factor/enrolment-form";

export async function generateMetadata(): Promise<Metadata> {
  const person = await getSignedInPerson();
  return { title: messagesFor(person?.actor).secondFactor.pageTitle };
}

/** The person's own two-step verification: set it up (QR + key + first code), new recovery codes, or turn it off. */
export default async function AccountSecurityPage() {
  const person = await getSignedInPerson();
  if (!person) redirect("/login");
  if (person.secondFactor === "pending") redirect(SECOND_FACTOR_PAGES.pending);
  const { actor } = person;
  const m = messagesFor(actor).secondFactor;
  const home = ROLE_HOME[actor.role];
  const status = await getSecondFactorStatus(actor.id);
  const enrolment = status ? null : await startSecondFactorEnrolment(actor);
  return (
    <main className="mx-auto max-w-xl space-y-6 px-4 py-10">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold text-brand-800">{m.pageTitle}</h1>
        {person.secondFactor === "done" ? (
          <a href={home} className="text-sm text-brand-700 hover:underline">
            {m.continue}
          </a>
        ) : (
          <SignOutButton tone="page" />
        )}
      </div>
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">{m.heading}</h2>
        <p className="text-sm text-slate-600">{m.intro}</p>
        {person.secondFactor === "enrol" && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {m.requiredNotice}
          </p>
        )}
        {/* First and always rendered, so it outlives the refresh that follows turning the factor on. */}
        <EnrolmentForm enrolment={enrolment && { secret: enrolment.secret, qrDataUrl: enrolment.qrDataUrl }} home={home} />
        {status && (
          <>
            <p data-testid="second-factor-status" className="text-sm font-medium text-green-800">
              {formatMessage(m.enabledSince, { date: formatDateTime(status.enabledAt), count: status.recoveryCodesLeft })}
            </p>
            <CodeForm action={renewRecoveryCodesAction} label={m.codeForChange} submitLabel={m.renewCodes} recoveryHeading={m.recoveryHeading} variant="secondary" />
            {!secondFactorRequired(actor.role) && (
              <CodeForm action={disableSecondFactorAction} label={m.codeForChange} submitLabel={m.disable} variant="danger" />
            )}
          </>
        )}
      </section>
    </main>
  );
}

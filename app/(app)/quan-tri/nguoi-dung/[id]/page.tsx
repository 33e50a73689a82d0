import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getUser } from "@/lib/users/get-user";
import { listUnits } from "@/lib/units/list-units";
import { listIssuingBodyOptions } from "@/lib/issuing-bodies/list-issuing-bodies";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { setUserActiveAction } from "../../actions";
import { decideCertificateBindingAction, resetSecondFactorAction, signOutUserEverywhereAction, unlockUserLoginAction } from "./actions";
import { getSecondFactorStatus } from "@/lib/second-factor/get-second-factor-status";
import { SigningOptionsForm } from "@/components/admin/signing-options-form";
import { delayedLoginAddresses } from "@/lib/auth/login-throttle";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";
import { PasswordResetForm } from "@/components/admin/password-reset-form";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { IssueCertificateForm } from "@/components/admin/issue-certificate-form";
import { listCertificates } from "@/lib/signatures/list-certificates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.users.title };
}

export default async function UserAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  const [user, units, certificates] = await Promise.all([getUser(id), listUnits(), listCertificates(id)]);
  if (!user) notFound();
  const issuingBodies = await listIssuingBodyOptions(user.issuingBodyId);
  const [delayedAddresses, secondFactor] = await Promise.all([delayedLoginAddresses(user.email), getSecondFactorStatus(user.id)]);
  const { common, admin, signing, secondFactor: sf } = await getMessages();
  const t = admin.users;
  return (
    <>
      <PageHeader
        title={user.fullName}
        description={[common.roles[user.role], user.unit?.name, !user.active && t.deactivated].filter(Boolean).join(" · ")}
        actions={<Link href="/quan-tri/nguoi-dung" className="text-sm text-brand-700 hover:underline">{t.backToList}</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
          <h2 className="mb-3 font-semibold">{t.account}</h2>
          <UserForm user={user} units={units} issuingBodies={issuingBodies} />
          <p className="mt-4 text-xs text-slate-500">
            {formatMessage(t.createdUpdated, { created: formatDateTime(user.createdAt), updated: formatDateTime(user.updatedAt) })}
          </p>
        </section>
        <div className="space-y-4">
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{t.resetPassword}</h2>
            <PasswordResetForm userId={user.id} />
          </section>
          <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="font-semibold">{t.signIn}</h2>
            {delayedAddresses > 0 && (
              <>
                <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{formatMessage(t.loginDelayed, { count: delayedAddresses })}</p>
                <ActionButtonForm action={unlockUserLoginAction.bind(null, user.id)} label={t.unlockLogin} />
              </>
            )}
            <p className="text-sm text-slate-600">{t.signOutEverywhereHint}</p>
            <ActionButtonForm action={signOutUserEverywhereAction.bind(null, user.id)} label={t.signOutEverywhere} variant="danger" />
            <p data-testid="admin-second-factor" className="text-sm text-slate-600">
              {secondFactor ? sf.adminStatusOn : sf.adminStatusOff}
            </p>
            {secondFactor && <ActionButtonForm action={resetSecondFactorAction.bind(null, user.id)} label={sf.adminReset} variant="danger" />}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{t.certificates}</h2>
            <ul className="mb-3 space-y-1 text-sm">
              {certificates.map((c) => (
                <li key={c.id} className="space-y-1">
                  <div>
                    <span className="font-mono text-xs">{c.serialHex}</span> — {signing.methods[c.method]} — {c.revokedAt
                      ? formatMessage(t.certificateRevoked, { reason: c.revokedReason ?? "" })
                      : formatMessage(t.certificateValidUntil, { date: formatDateTime(c.notAfter) })}
                    {c.method !== "SERVER_KEY" && <> — {t.certificateBinding[c.binding]}</>}
                  </div>
                  {c.method !== "SERVER_KEY" && <div className="text-xs text-slate-600">{c.subject}</div>}
                  {c.binding === "PENDING" && !c.revokedAt && (
                    <div className="flex gap-2">
                      <ActionButtonForm action={decideCertificateBindingAction.bind(null, user.id, c.id, "approve")} label={t.approveBinding} variant="primary" />
                      <ActionButtonForm action={decideCertificateBindingAction.bind(null, user.id, c.id, "reject")} label={t.rejectBinding} variant="danger" />
                    </div>
                  )}
                </li>
              ))}
              {certificates.length === 0 && <li className="text-slate-600">{t.noCertificates}</li>}
            </ul>
            {certificates.some((c) => c.method === "SERVER_KEY") && certificates.filter((c) => c.method === "SERVER_KEY").every((c) => c.revokedAt) && (
              <IssueCertificateForm userId={user.id} />
            )}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{t.signingOptions}</h2>
            <SigningOptionsForm userId={user.id} signingMethods={user.signingMethods} certificateIdentifier={user.certificateIdentifier} />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">{admin.shared.status}</h2>
            <ToggleActiveForm
              active={user.active}
              action={setUserActiveAction.bind(null, user.id)}
              deactivateLabel={t.deactivate}
              activateLabel={t.activate}
            />
          </section>
        </div>
      </div>
    </>
  );
}

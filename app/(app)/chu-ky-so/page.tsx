import type { Metadata } from "next";
import { requirePageRole } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatDate } from "@/lib/time/vietnam-time";
import { listMySigningCertificates } from "@/lib/signer-certificates/list-my-signing-certificates";
import { getSigningSetup } from "@/lib/signer-certificates/get-signing-setup";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { RegisterCertificatePanel } from "@/components/signing/register-certificate-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).signing.external.title };
}

/** The signer's own certificates (keys they hold) and the way to register a new one. */
export default async function MySigningPage({ searchParams }: { searchParams: Promise<{ csc?: string | string[] }> }) {
  const actor = await requirePageRole("UNIT_HEAD", "CHAIRPERSON", "DEPUTY");
  const [{ methods, certificates }, setup] = await Promise.all([listMySigningCertificates(actor), getSigningSetup(actor)]);
  const { signing } = await getMessages();
  const t = signing.external;
  const { csc } = await searchParams;
  const linkOutcome = typeof csc === "string" ? signing.csc.outcomes[csc] : undefined;
  return (
    <>
      <PageHeader title={t.title} description={t.description} />
      {linkOutcome && (
        <p role={csc === "linked" ? "status" : "alert"} className={`mb-4 rounded-md px-3 py-2 text-sm ${csc === "linked" ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          {linkOutcome}
        </p>
      )}
      <p className="mb-4 text-sm text-slate-700">{formatMessage(t.allowedMethods, { methods: methods.map((m) => signing.methods[m]).join(", ") })}</p>
      <section className="mb-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="mb-3 font-semibold">{t.certificates}</h2>
        {certificates.length === 0 ? (
          <p className="text-sm text-slate-600">{t.noCertificates}</p>
        ) : (
          <ul className="space-y-3">
            {certificates.map((c) => (
              <li key={c.id} className="space-y-1 border-t border-slate-100 pt-3 text-sm first:border-0 first:pt-0" data-testid="my-certificate">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.subject}</span>
                  {c.revokedAt ? (
                    <Badge tone="red">{t.revoked}</Badge>
                  ) : (
                    <Badge tone={c.binding === "BOUND" ? "green" : c.binding === "PENDING" ? "amber" : "red"}>{t.binding[c.binding]}</Badge>
                  )}
                </div>
                <div className="text-slate-600">
                  {signing.methods[c.method]} · {t.issuer}: {c.issuerSubject} · {t.validity}: {formatDate(c.notBefore)} – {formatDate(c.notAfter)}
                </div>
                {c.revocationStatus === "GOOD" || c.revocationStatus === "UNCHECKED" ? <div className="text-xs text-slate-500">{t.revocation[c.revocationStatus]}</div> : null}
                <div className="break-all font-mono text-xs text-slate-500">
                  {t.fingerprint}: {c.sha256Fingerprint}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {setup.external.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 className="mb-3 font-semibold">{t.register}</h2>
          <RegisterCertificatePanel signing={setup} />
        </section>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { opensslFingerprintLine } from "@/lib/signing/certificate-fingerprint";
import { getPublicCityCa } from "@/lib/signatures/get-public-city-ca";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { publicUrl } from "@/lib/revocation/public-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).common.cityCa.title };
}

/** Public (no sign-in): whoever checks a signed PDF needs the CA and a fingerprint to compare it with. */
export default async function CityCaPage() {
  const [ca, { common }, user] = await Promise.all([getPublicCityCa(), getMessages(), getCurrentUser()]);
  const t = common.cityCa;
  // Absolute when the deployment has a public address (what certificates name); the bare paths otherwise.
  const base = publicUrl() ?? "";
  // [label, value, hex]: hex values in monospace so they can be compared pair by pair; names in the text face.
  const rows: [string, string, boolean][] = [
    [t.subject, ca.subject, false],
    [t.serial, ca.serial, true],
    [t.validity, formatMessage(t.validityRange, { from: formatDateTime(ca.notBefore), to: formatDateTime(ca.notAfter) }), false],
    [t.sha256, ca.sha256Fingerprint, true],
    [t.sha1, ca.sha1Fingerprint, true],
  ];
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{common.app.city}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-800">{t.title}</h1>
      <p className="mt-3 text-sm text-slate-700">{t.intro}</p>
      <dl className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {rows.map(([label, value, hex]) => (
          <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className={hex ? "break-all font-mono text-xs leading-5" : "break-words"}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-6 flex flex-wrap gap-3">
        <a href="/ca/city-ca.pem" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
          {t.downloadPem}
        </a>
        <a href="/ca/city-ca.der" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-slate-50">
          {t.downloadDer}
        </a>
      </div>
      <h2 className="mt-8 text-lg font-semibold text-slate-800">{t.checkTitle}</h2>
      <p className="mt-2 text-sm text-slate-700">{t.checkText}</p>
      <pre className="mt-3 whitespace-pre-wrap break-all rounded-md bg-slate-900 p-4 text-xs leading-5 text-slate-100">
        {`$ openssl x509 -in city-ca.pem -noout -fingerprint -sha256\n${opensslFingerprintLine(ca.sha256Fingerprint, "sha256")}`}
      </pre>
      <h2 className="mt-8 text-lg font-semibold text-slate-800">{t.revocationTitle}</h2>
      <p className="mt-2 text-sm text-slate-700">{t.revocationText}</p>
      <dl className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {[
          [t.crlLabel, `${base}/ca/crl/city-ca.crl`],
          [t.ocspLabel, `${base}/ca/ocsp`],
        ].map(([label, address]) => (
          <div key={label} className="grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr]">
            <dt className="font-semibold text-slate-700">{label}</dt>
            <dd className="break-all font-mono text-xs leading-5">{address}</dd>
          </div>
        ))}
      </dl>
      <pre className="mt-3 whitespace-pre-wrap break-all rounded-md bg-slate-900 p-4 text-xs leading-5 text-slate-100">
        {`$ openssl ocsp -issuer city-ca.pem -cert chung-thu.pem -url ${base || "http://<máy chủ>"}/ca/ocsp -CAfile city-ca.pem`}
      </pre>
      <div className="mt-8 flex items-center justify-between">
        <a href={user ? ROLE_HOME[user.role] : "/login"} className="text-sm text-brand-700 hover:underline">
          {user ? common.errorPages.home : t.signIn}
        </a>
        <LanguageSwitch />
      </div>
    </main>
  );
}

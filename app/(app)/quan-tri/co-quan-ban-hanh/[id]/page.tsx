import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getIssuingBody } from "@/lib/issuing-bodies/get-issuing-body";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { setIssuingBodyActiveAction } from "../actions";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";
import { IssuingBodyForm } from "@/components/issuing-bodies/issuing-body-form";
import { SealUploadForm } from "@/components/issuing-bodies/seal-upload-form";
import { NextNumberForm } from "@/components/issuing-bodies/next-number-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).bodies.title };
}

export default async function IssuingBodyAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const body = await getIssuingBody((await params).id);
  if (!body) notFound();
  const { bodies: t } = await getMessages();
  const card = "rounded-lg border border-slate-200 bg-white p-5";
  return (
    <>
      <PageHeader
        title={body.name}
        description={
          <>
            {body.superiorName ?? "—"} · {body.placeName} · <span className="font-mono">{body.abbreviation}</span> ·{" "}
            {body.active ? <Badge tone="green">{t.active}</Badge> : <Badge>{t.inactive}</Badge>}
          </>
        }
        actions={<Link href="/quan-tri/co-quan-ban-hanh" className="text-sm text-brand-700 hover:underline">{t.backToList}</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <section className={card}>
            <h2 className="mb-3 font-semibold">{t.info}</h2>
            <IssuingBodyForm body={body} />
          </section>
          <section className={card}>
            <h2 className="mb-3 font-semibold">{t.seal.heading}</h2>
            {body.sealSha256 ? (
              <figure className="mb-3">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, session-checked route; next/image would proxy it */}
                <img src={`/quan-tri/co-quan-ban-hanh/${body.id}/con-dau?v=${body.sealSha256.slice(0, 12)}`} alt={formatMessage(t.sealAlt, { name: body.name })} width={120} height={120} />
                <figcaption className="mt-1 break-all font-mono text-xs text-slate-500">{formatMessage(t.seal.current, { sha256: body.sealSha256 })}</figcaption>
              </figure>
            ) : (
              <p className="mb-3 text-sm text-amber-700">{t.seal.none}</p>
            )}
            <SealUploadForm bodyId={body.id} />
          </section>
        </div>
        <div className="space-y-4">
          <section className={card}>
            <h2 className="mb-1 font-semibold">{formatMessage(t.register.heading, { year: body.register.year })}</h2>
            <p className="mb-3 text-sm text-slate-600">{formatMessage(t.register.status, { next: body.register.nextNumber, highest: body.register.highestUsed })}</p>
            <NextNumberForm bodyId={body.id} nextNumber={body.register.nextNumber} />
          </section>
          <section className={card}>
            <h2 className="mb-3 font-semibold">{t.unitsHeading}</h2>
            <ul className="space-y-1 text-sm">
              {body.units.map((u) => (
                <li key={u.id}>
                  <Link href={`/quan-tri/don-vi/${u.id}`} className="text-brand-700 hover:underline">{u.name}</Link>
                  {!u.active && ` · ${t.inactive}`}
                </li>
              ))}
              {body.units.length === 0 && <li className="text-slate-500">{t.noUnits}</li>}
            </ul>
          </section>
          <section className={card}>
            <h2 className="mb-3 font-semibold">{t.clerksHeading}</h2>
            <ul className="space-y-1 text-sm">
              {body.clerks.map((c) => (
                <li key={c.id}>
                  <Link href={`/quan-tri/nguoi-dung/${c.id}`} className="text-brand-700 hover:underline">{c.fullName}</Link> ({c.email})
                  {!c.active && ` · ${t.inactive}`}
                </li>
              ))}
              {body.clerks.length === 0 && <li className="text-slate-500">{t.noClerks}</li>}
            </ul>
          </section>
          {!body.isCity && (
            <section className={card}>
              <h2 className="mb-3 font-semibold">{t.headers.status}</h2>
              <ToggleActiveForm active={body.active} action={setIssuingBodyActiveAction.bind(null, body.id)} deactivateLabel={t.deactivate} activateLabel={t.activate} />
            </section>
          )}
        </div>
      </div>
    </>
  );
}

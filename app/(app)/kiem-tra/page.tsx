import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getLocale, getMessages } from "@/lib/i18n/get-messages";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatMegabytes } from "@/lib/i18n/format-size";
import { OVERSIZED_PARAM, oversizedUploadMegabytes } from "@/lib/verification/refuse-oversized-upload";
import { MB } from "@/lib/verification/upload-limit";
import { PageHeader } from "@/components/ui/page-header";
import { PdfCheckForm } from "@/components/verification/pdf-check-form";
import { verifyPdfAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).verification.pageTitle };
}

export default async function VerifyPdfPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (!(await getCurrentUser())) redirect("/login");
  const [{ verification }, locale] = await Promise.all([getMessages(), getLocale()]);
  // Set by proxy.ts when it turned away an upload too large to check.
  const refusedMegabytes = oversizedUploadMegabytes((await searchParams)[OVERSIZED_PARAM]);
  const refusal =
    refusedMegabytes === undefined
      ? undefined
      : formatMessage(verification.errors.tooLarge, { size: formatMegabytes(refusedMegabytes * MB, locale) });
  return (
    <>
      <PageHeader title={verification.heading} description={verification.description} />
      <PdfCheckForm action={verifyPdfAction} refusal={refusal} />
    </>
  );
}

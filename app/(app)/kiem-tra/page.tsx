import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";
import { PdfCheckForm } from "@/components/verification/pdf-check-form";
import { verifyPdfAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).verification.pageTitle };
}

export default async function VerifyPdfPage() {
  if (!(await getCurrentUser())) redirect("/login");
  const { verification } = await getMessages();
  return (
    <>
      <PageHeader title={verification.heading} description={verification.description} />
      <PdfCheckForm action={verifyPdfAction} />
    </>
  );
}

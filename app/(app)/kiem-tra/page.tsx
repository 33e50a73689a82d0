import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { PageHeader } from "@/components/ui/page-header";
import { PdfCheckForm } from "@/components/verification/pdf-check-form";
import { verifyPdfAction } from "./actions";

export const metadata: Metadata = { title: "Kiểm tra chữ ký" };

export default async function VerifyPdfPage() {
  if (!(await getCurrentUser())) redirect("/login");
  return (
    <>
      <PageHeader
        title="Kiểm tra chữ ký số của tệp PDF"
        description="Tải lên một bản cam kết (PDF, tối đa 20 MB) để xem từng chữ ký: người ký, thời điểm, tính toàn vẹn, chứng thư có do CA của thành phố cấp và có bị thu hồi không, và tệp có trùng với một bản đã lưu trữ không."
      />
      <PdfCheckForm action={verifyPdfAction} />
    </>
  );
}

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/layout/app-header";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <>
      <AppHeader user={user} />
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      <footer className="mx-auto max-w-6xl px-4 pb-8 text-sm text-slate-500">
        UBND thành phố Phan Thiết · Chữ ký số theo chuẩn PAdES ·{" "}
        <a href="/ca/city-ca.pem" className="text-brand-700 hover:underline">
          Tải chứng thư CA của thành phố (PEM)
        </a>{" "}
        để kiểm tra chữ ký bằng pdfsig, Adobe Reader hoặc openssl.
      </footer>
    </>
  );
}

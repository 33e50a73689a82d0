import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_HOME } from "@/lib/auth/roles";
import { LoginForm } from "@/components/auth/login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">UBND thành phố Phan Thiết</p>
          <h1 className="mt-1 text-2xl font-bold text-brand-800">Cam kết cải cách hành chính</h1>
          <p className="mt-2 text-sm text-slate-600">Đăng nhập để xem và ký số bản cam kết của đơn vị.</p>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}

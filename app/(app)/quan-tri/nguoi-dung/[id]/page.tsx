import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/current-user";
import { getUser } from "@/lib/users/get-user";
import { listUnits } from "@/lib/units/list-units";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/time/vietnam-time";
import { setUserActiveAction } from "../../actions";
import { PageHeader } from "@/components/ui/page-header";
import { UserForm } from "@/components/admin/user-form";
import { PasswordResetForm } from "@/components/admin/password-reset-form";
import { ToggleActiveForm } from "@/components/admin/toggle-active-form";
import { IssueCertificateForm } from "@/components/admin/issue-certificate-form";
import { listCertificates } from "@/lib/signatures/list-certificates";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UserAdminPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageRole("ADMIN");
  const { id } = await params;
  const [user, units, certificates] = await Promise.all([getUser(id), listUnits(), listCertificates(id)]);
  if (!user) notFound();
  const locked = user.lockedUntil && user.lockedUntil > new Date();
  return (
    <>
      <PageHeader
        title={user.fullName}
        description={`${ROLE_LABELS[user.role]}${user.unit ? ` · ${user.unit.name}` : ""}${user.active ? "" : " · đã vô hiệu hóa"}`}
        actions={<Link href="/quan-tri/nguoi-dung" className="text-sm text-brand-700 hover:underline">← Danh sách người dùng</Link>}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2">
          <h2 className="mb-3 font-semibold">Thông tin tài khoản</h2>
          <UserForm user={user} units={units} />
          <p className="mt-4 text-xs text-slate-500">
            Tạo lúc {formatDateTime(user.createdAt)} · cập nhật {formatDateTime(user.updatedAt)}
          </p>
        </section>
        <div className="space-y-4">
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Đặt lại mật khẩu</h2>
            {locked && (
              <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Tài khoản đang tạm khóa đến {formatDateTime(user.lockedUntil!)}; đặt lại mật khẩu sẽ mở khóa.
              </p>
            )}
            <PasswordResetForm userId={user.id} />
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Chứng thư số</h2>
            <ul className="mb-3 space-y-1 text-sm">
              {certificates.map((c) => (
                <li key={c.id}>
                  <span className="font-mono text-xs">{c.serialHex}</span> — {c.revokedAt ? `thu hồi: ${c.revokedReason}` : `hiệu lực đến ${formatDateTime(c.notAfter)}`}
                </li>
              ))}
              {certificates.length === 0 && <li className="text-slate-600">Chưa có; được cấp tự động khi ký lần đầu.</li>}
            </ul>
            {certificates.length > 0 && certificates.every((c) => c.revokedAt) && <IssueCertificateForm userId={user.id} />}
          </section>
          <section className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="mb-3 font-semibold">Trạng thái</h2>
            <ToggleActiveForm
              active={user.active}
              action={setUserActiveAction.bind(null, user.id)}
              deactivateLabel="Vô hiệu hóa tài khoản"
              activateLabel="Kích hoạt lại tài khoản"
            />
          </section>
        </div>
      </div>
    </>
  );
}

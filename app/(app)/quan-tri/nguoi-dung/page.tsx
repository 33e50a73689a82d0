import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/list-users";
import { userListFilterSchema } from "@/lib/users/user-schemas";
import { ROLES, ROLE_LABELS } from "@/lib/auth/roles";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SearchForm } from "@/components/ui/search-form";
import { Badge } from "@/components/ui/badge";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageRole("ADMIN");
  const filter = userListFilterSchema.parse(await searchParams);
  const users = await listUsers(filter);
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Người dùng"
        description={`${users.length} tài khoản`}
        actions={
          <Link href="/quan-tri/nguoi-dung/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Thêm người dùng
          </Link>
        }
      />
      <SearchForm
        q={filter.q}
        placeholder="Họ tên, email hoặc đơn vị"
        select={{ name: "role", label: "Vai trò", value: filter.role, options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) }}
      />
      <DataTable headers={["Họ và tên", "Email", "Vai trò", "Đơn vị", "Trạng thái"]} isEmpty={users.length === 0} empty="Không có tài khoản nào khớp bộ lọc.">
        {users.map((user) => (
          <tr key={user.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/nguoi-dung/${user.id}`} className="font-medium text-brand-700 hover:underline">
                {user.fullName}
              </Link>
              <div className="text-xs text-slate-500">{user.jobTitle}</div>
            </td>
            <td className="px-3 py-2">{user.email}</td>
            <td className="px-3 py-2">{ROLE_LABELS[user.role]}</td>
            <td className="px-3 py-2">{user.unit?.name ?? "—"}</td>
            <td className="px-3 py-2">
              {!user.active ? (
                <Badge>Đã vô hiệu hóa</Badge>
              ) : user.lockedUntil && user.lockedUntil > now ? (
                <Badge tone="amber">Tạm khóa</Badge>
              ) : (
                <Badge tone="green">Hoạt động</Badge>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/current-user";
import { listUsers } from "@/lib/users/list-users";
import { userListFilterSchema } from "@/lib/users/user-schemas";
import { ROLES } from "@/lib/auth/roles";
import { formatMessage } from "@/lib/i18n/format-message";
import { getMessages } from "@/lib/i18n/get-messages";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { SearchForm } from "@/components/ui/search-form";
import { Badge } from "@/components/ui/badge";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).admin.users.title };
}

export default async function UsersAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  await requirePageRole("ADMIN");
  const filter = userListFilterSchema.parse(await searchParams);
  const users = await listUsers(filter);
  const { common, admin } = await getMessages();
  const t = admin.users;
  return (
    <>
      <PageHeader
        title={t.title}
        description={formatMessage(t.count, { count: users.length })}
        actions={
          <Link href="/quan-tri/nguoi-dung/moi" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            {t.add}
          </Link>
        }
      />
      <SearchForm
        q={filter.q}
        placeholder={t.searchPlaceholder}
        select={{ name: "role", label: admin.shared.role, value: filter.role, options: ROLES.map((r) => ({ value: r, label: common.roles[r] })) }}
      />
      <DataTable
        headers={[t.headers.fullName, admin.shared.email, admin.shared.role, t.headers.unit, admin.shared.status]}
        isEmpty={users.length === 0}
        empty={t.empty}
      >
        {users.map((user) => (
          <tr key={user.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              <Link href={`/quan-tri/nguoi-dung/${user.id}`} className="font-medium text-brand-700 hover:underline">
                {user.fullName}
              </Link>
              <div className="text-xs text-slate-500">{user.jobTitle}</div>
            </td>
            <td className="px-3 py-2">{user.email}</td>
            <td className="px-3 py-2">{common.roles[user.role]}</td>
            <td className="px-3 py-2">{user.unit?.name ?? user.issuingBody?.name ?? "—"}</td>
            <td className="px-3 py-2">
              {!user.active ? (
                <Badge>{t.deactivatedBadge}</Badge>
              ) : (
                <Badge tone="green">{admin.shared.active}</Badge>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

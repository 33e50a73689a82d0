import type { Actor } from "@/lib/auth/find-active-user";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { NAV_ITEMS } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: Actor }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-xs uppercase tracking-wide text-brand-100">UBND thành phố Phan Thiết</p>
            <p className="font-semibold">Cam kết cải cách hành chính</p>
          </div>
          <div className="flex items-center gap-3">
            <div className="text-right text-sm" data-testid="current-user">
              <p className="font-semibold">{user.fullName}</p>
              <p className="text-brand-100">
                {ROLE_LABELS[user.role]}
                {user.unit ? ` · ${user.unit.name}` : ""}
              </p>
            </div>
            <SignOutButton />
          </div>
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-1">
        <NavLinks items={NAV_ITEMS[user.role]} />
      </div>
    </header>
  );
}

import type { Actor } from "@/lib/auth/find-active-user";
import { messagesFor } from "@/lib/i18n/messages-for";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { NAV_ITEMS } from "./nav-items";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: Actor }) {
  const messages = messagesFor(user);
  const { app, roles } = messages.common;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-xs uppercase tracking-wide text-brand-100">{app.city}</p>
            <p className="font-semibold">{app.name}</p>
          </div>
          <div className="flex items-center gap-3">
            <div className="text-right text-sm" data-testid="current-user">
              <p className="font-semibold">{user.fullName}</p>
              <p className="text-brand-100">
                {roles[user.role]}
                {user.unit ? ` · ${user.unit.name}` : ""}
              </p>
            </div>
            <a href="/tai-khoan/bao-mat" className="whitespace-nowrap text-sm text-brand-100 underline-offset-2 hover:text-white hover:underline">
              {messages.secondFactor.menuLink}
            </a>
            <LanguageSwitch tone="dark" />
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

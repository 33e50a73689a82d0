"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useMessages } from "@/components/i18n/messages-provider";
import type { NavItem } from "./nav-items";

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const { nav } = useMessages().common;
  // The longest matching prefix is the current section ("/quan-tri/don-vi" is not also "/quan-tri").
  const current = items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={nav.label} className="flex gap-1 overflow-x-auto">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.href === current ? "page" : undefined}
          className="whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
        >
          {nav[item.label]}
        </Link>
      ))}
    </nav>
  );
}

"use client";

import { useFormStatus } from "react-dom";
import { useMessages } from "@/components/i18n/messages-provider";

export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  variant?: "primary" | "danger" | "secondary";
}) {
  const { pending } = useFormStatus();
  const { form } = useMessages().common;
  const colors = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-red-700 text-white hover:bg-red-800",
    secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  }[variant];
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${colors}`}>
      {pending ? (pendingLabel ?? form.processing) : children}
    </button>
  );
}

import type { FormResult } from "@/lib/forms/form-result";

/** The action's overall message: green on success, red otherwise; announced to screen readers. */
export function FormMessage({ state }: { state?: FormResult }) {
  if (!state?.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded-md px-3 py-2 text-sm ${state.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}
    >
      {state.message}
    </p>
  );
}

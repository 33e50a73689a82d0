"use client";

import { ErrorNotice } from "@/components/errors/error-notice";
import { useMessages } from "@/components/i18n/messages-provider";

/** A page outside the signed-in area, or the signed-in layout itself, failed (the root layout still stands). */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main>
      <ErrorNotice error={error} retry={retry} texts={useMessages().common.errorPages} />
    </main>
  );
}

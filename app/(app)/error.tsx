"use client";

import { ErrorNotice } from "@/components/errors/error-notice";
import { useMessages } from "@/components/i18n/messages-provider";

/** A signed-in page failed: the header stays, the page area says what happened (components/errors/error-notice). */
export default function SignedInError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorNotice error={error} retry={retry} texts={useMessages().common.errorPages} />;
}

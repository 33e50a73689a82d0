"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/errors/error-notice";
import { common } from "@/lib/i18n/messages/vi/common";

/**
 * The root layout itself failed — during a database outage that is every page, since the layout reads
 * the signed-in user for the language. It replaces the layout, so there is no catalogue from the server:
 * Vietnamese, the default language (only this small part of the catalogue is bundled).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="vi">
      <body className="min-h-screen font-sans">
        <title>{common.app.title}</title>
        <main>
          <ErrorNotice error={error} retry={retry} texts={common.errorPages} />
        </main>
      </body>
    </html>
  );
}

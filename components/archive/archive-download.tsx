"use client";

import { useState, type MouseEvent } from "react";
import { useLocale, useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";
import { formatMegabytes } from "@/lib/i18n/format-size";

type Progress = { received: number; total: number; done: boolean };

/**
 * The campaign archive download with a progress bar. Next drops Content-Length from streamed route
 * responses, so the browser alone cannot show a percentage; the server announces the exact size in
 * X-Archive-Bytes and this reads the stream, counting. Without JavaScript the plain link still downloads.
 */
export function ArchiveDownload({ href, label }: { href: string; label: string }) {
  const { archive: m } = useMessages();
  const locale = useLocale();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failed, setFailed] = useState(false);
  const megabytes = (bytes: number) => formatMegabytes(bytes, locale);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (progress && !progress.done) return;
    setFailed(false);
    try {
      const response = await fetch(href);
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const total = Number(response.headers.get("X-Archive-Bytes")) || 0;
      const fileName = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "luu-tru.zip";
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      setProgress({ received, total, done: false });
      const reader = response.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        received += next.value.byteLength;
        setProgress({ received, total, done: false });
      }
      if (total && received !== total) throw new Error("truncated");
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setProgress({ received, total: received, done: true });
    } catch {
      setProgress(null);
      setFailed(true);
    }
  }

  const percent = progress?.total ? Math.min(100, Math.floor((progress.received / progress.total) * 100)) : 0;
  return (
    <div className="space-y-1">
      <a
        href={href}
        download
        onClick={download}
        aria-disabled={progress !== null && !progress.done}
        className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 aria-disabled:opacity-60"
      >
        {label}
      </a>
      {progress && (
        <div className="max-w-xs">
          <div
            role="progressbar"
            aria-label={m.downloadProgress}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.done ? 100 : percent}
            className="h-2 overflow-hidden rounded bg-slate-200"
          >
            <div className="h-full bg-brand-700 transition-[width]" style={{ width: `${progress.done ? 100 : percent}%` }} />
          </div>
          <p className="mt-1 text-xs text-slate-600" aria-live="polite">
            {progress.done
              ? formatMessage(m.downloadDone, { total: megabytes(progress.total) })
              : formatMessage(m.downloadReceived, { received: megabytes(progress.received), total: megabytes(progress.total), percent })}
          </p>
        </div>
      )}
      {failed && (
        <p role="alert" className="max-w-xs text-xs text-red-700">
          {m.downloadFailed}
        </p>
      )}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n/messages-provider";

/**
 * Signing is offered only after the head has scrolled to the end of the document and ticked the
 * confirmation. The server checks the reviewed hash again; this gate is about the person, not security.
 */
export function ReviewGate({ children }: { children: React.ReactNode }) {
  const t = useMessages().signing.gate;
  const endRef = useRef<HTMLDivElement>(null);
  const [reachedEnd, setReachedEnd] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    const end = endRef.current;
    if (!end) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setReachedEnd(true);
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, []);

  return (
    <section aria-labelledby="review-confirm" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <div ref={endRef} data-testid="end-of-document" />
      <h2 id="review-confirm" className="font-semibold">
        {t.heading}
      </h2>
      {!reachedEnd && <p className="mt-1 text-sm text-slate-600">{t.readToEnd}</p>}
      <label className="mt-3 flex items-start gap-3">
        <input
          type="checkbox"
          className="mt-1 size-5"
          disabled={!reachedEnd}
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <span>{t.confirm}</span>
      </label>
      {confirmed && <div className="mt-5 border-t border-slate-200 pt-5">{children}</div>}
    </section>
  );
}

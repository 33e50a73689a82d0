"use client";

import { useActionState } from "react";
import { closeCampaignAction } from "@/app/(app)/theo-doi/closing-actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";

/** "Đóng chiến dịch": a confirmation box, then the close (ADMIN or CHAIRPERSON; the server checks). */
export function CloseCampaignForm({ campaignId }: { campaignId: string }) {
  const [state, action] = useActionState(closeCampaignAction.bind(null, campaignId), { ok: false });
  const t = useMessages().closing.close;
  return (
    <section aria-labelledby="close-campaign" className="mt-6 rounded-lg border border-red-200 bg-white p-5">
      <h2 id="close-campaign" className="font-semibold text-red-900">
        {t.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t.text}</p>
      <form action={action} className="mt-3 space-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" required />
          {t.confirm}
        </label>
        <SubmitButton variant="danger">{t.button}</SubmitButton>
        <FormMessage state={state} />
      </form>
    </section>
  );
}

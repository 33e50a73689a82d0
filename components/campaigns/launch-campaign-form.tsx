"use client";

import { useActionState } from "react";
import { launchCampaignAction } from "@/app/(app)/quan-tri/chien-dich/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";

export function LaunchCampaignForm({ campaignId, unitCount }: { campaignId: string; unitCount: number }) {
  const [state, action] = useActionState(launchCampaignAction.bind(null, campaignId), { ok: false });
  const { campaigns } = useMessages().admin;
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-600">{formatMessage(campaigns.launchNote, { count: unitCount })}</p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={campaigns.launching}>{campaigns.launch}</SubmitButton>
    </form>
  );
}

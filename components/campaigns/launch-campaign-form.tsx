"use client";

import { useActionState } from "react";
import { launchCampaignAction } from "@/app/(app)/quan-tri/chien-dich/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function LaunchCampaignForm({ campaignId, unitCount }: { campaignId: string; unitCount: number }) {
  const [state, action] = useActionState(launchCampaignAction.bind(null, campaignId), { ok: false });
  return (
    <form action={action} className="space-y-3">
      <p className="text-sm text-slate-600">
        Phát động sẽ tạo {unitCount} bản cam kết PDF (mỗi đơn vị một bản, không thể sửa sau khi tạo) và giao cho người đứng đầu.
      </p>
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Đang tạo các bản cam kết…">Phát động chiến dịch</SubmitButton>
    </form>
  );
}

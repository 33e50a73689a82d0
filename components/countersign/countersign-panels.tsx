"use client";

import { useState } from "react";
import { CountersignPanel } from "@/components/countersign/countersign-panel";
import { useMessages } from "@/components/i18n/messages-provider";
import { formatMessage } from "@/lib/i18n/format-message";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";

type Group = { campaignId: string; campaignName: string; items: { id: string; unitName: string }[] };

/**
 * The dashboard's bulk countersign panels, one per campaign. After a run the page refreshes and a campaign
 * with nothing left to countersign drops out of `groups`; its panel is kept (with no items) so the result
 * of the run stays on screen instead of vanishing with the list.
 */
export function CountersignPanels({ groups, signerName, signing }: { groups: Group[]; signerName: string; signing: SigningSetup }) {
  const t = useMessages().dashboard;
  const [seen, setSeen] = useState(groups);
  const unseen = groups.filter((g) => !seen.some((s) => s.campaignId === g.campaignId));
  if (unseen.length > 0) setSeen([...seen, ...unseen]); // adjusting state while rendering: React re-renders at once
  const done = seen.filter((s) => !groups.some((g) => g.campaignId === s.campaignId)).map((s) => ({ ...s, items: [] }));
  return [...groups, ...done].map((group) => (
    <div key={group.campaignId} className="mt-6">
      <CountersignPanel items={group.items} signerName={signerName} signing={signing} title={formatMessage(t.countersignTitle, { campaign: group.campaignName })} />
    </div>
  ));
}

"use client";

import { useState } from "react";
import { useMessages } from "@/components/i18n/messages-provider";
import type { ExternalKey, ExternalSigningMethod } from "@/lib/external-signing/external-key";
import type { SigningSetup } from "@/lib/external-signing/signing-setup";
import { AgentKeyPicker } from "./agent-key-picker";
import { CscKeyPicker } from "./csc-key-picker";
import { Pkcs12FilePicker } from "./pkcs12-file-picker";

/**
 * Where the key the signer holds comes from: the token behind the local agent, a .p12 file opened in this
 * page, or their remote-signing account. Only the ways the admin allows them are offered; whichever is
 * chosen ends in the same ExternalKey, which every signing screen uses the same way.
 */
export function KeySourcePicker({ signing, onKey }: { signing: SigningSetup; onKey: (key: ExternalKey | null) => void }) {
  const m = useMessages().signing;
  const methods = signing.external;
  const [method, setMethod] = useState<ExternalSigningMethod | undefined>(methods[0]);
  if (!method) return null;
  const choose = (next: ExternalSigningMethod) => {
    setMethod(next);
    onKey(null);
  };
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">{m.external.chooseMethod}</legend>
        {methods.map((option) => (
          <label key={option} className="flex items-center gap-2 text-sm">
            <input type="radio" name="keySource" value={option} checked={method === option} onChange={() => choose(option)} />
            {m.methods[option]}
          </label>
        ))}
      </fieldset>
      {method === "AGENT" && <AgentKeyPicker agentUrl={signing.agentUrl} onKey={onKey} />}
      {method === "PKCS12" && <Pkcs12FilePicker onOpened={onKey} messages={m.pkcs12} />}
      {method === "CSC" && <CscKeyPicker onKey={onKey} />}
    </div>
  );
}

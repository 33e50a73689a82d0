"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useMessages } from "@/components/i18n/messages-provider";
import { AgentClient } from "@/lib/external-signing/agent-client";
import type { ExternalKey } from "@/lib/external-signing/external-key";

const TOKEN_KEY = "camket.signingAgent.token";

type State = { step: "detecting" } | { step: "notRunning" } | { step: "pairing"; error?: string } | { step: "ready"; keys: ExternalKey[] } | { step: "error"; message: string };

/**
 * The token behind the local signing agent: find the agent, pair once with the code it shows (the bearer
 * token is kept in this browser), list the token's certificates. The PIN is typed in the agent's own window.
 */
export function AgentKeyPicker({ agentUrl, onKey }: { agentUrl: string; onKey: (key: ExternalKey | null) => void }) {
  const t = useMessages().signing.agent;
  const [state, setState] = useState<State>({ step: "detecting" });
  const [code, setCode] = useState("");
  const [chosen, setChosen] = useState<number | null>(null);
  const client = useRef<AgentClient | null>(null);

  const apply = useCallback((found: { state: State; agent: AgentClient }) => {
    client.current = found.agent;
    setState(found.state);
  }, []);
  const load = useCallback(() => detectAgent(agentUrl).then(apply), [agentUrl, apply]);

  useEffect(() => {
    void detectAgent(agentUrl).then(apply);
  }, [agentUrl, apply]);

  const pair = async () => {
    try {
      localStorage.setItem(TOKEN_KEY, await client.current!.pair(code));
      setState({ step: "detecting" });
      await load();
    } catch (error) {
      setState({ step: "pairing", error: error instanceof Error ? error.message : String(error) });
    }
  };

  const choose = (index: number) => {
    setChosen(index);
    onKey(state.step === "ready" ? (state.keys[index] ?? null) : null);
  };

  if (state.step === "detecting") return <p className="text-sm text-slate-600">{t.detecting}</p>;
  if (state.step === "notRunning" || state.step === "error")
    return (
      <div className="space-y-2">
        {/* "Not running" is the normal state of a PC without a token: plain guidance, no live region (it would
            compete with the panel's own result); a failure is an alert. */}
        <p role={state.step === "error" ? "alert" : undefined} className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {state.step === "error" ? state.message : t.notRunning}
        </p>
        <button type="button" onClick={() => (setState({ step: "detecting" }), void load())} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {t.retry}
        </button>
      </div>
    );
  if (state.step === "pairing")
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700">{t.pairingHint}</p>
        <label className="block text-sm font-medium text-slate-700">
          {t.pairingCode}
          <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="off" maxLength={7} className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2" />
        </label>
        {state.error && <p role="alert" className="text-sm text-red-700">{state.error}</p>}
        <button type="button" onClick={() => void pair()} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          {t.pair}
        </button>
      </div>
    );
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{t.chooseCertificate}</legend>
      {state.keys.length === 0 && <p className="text-sm text-slate-600">{t.noCertificates}</p>}
      {state.keys.map((key, index) => (
        <label key={index} className="flex items-center gap-2 text-sm">
          <input type="radio" name="agentCertificate" checked={chosen === index} onChange={() => choose(index)} />
          {key.label}
        </label>
      ))}
      <p className="text-xs text-slate-500">{t.pinHint}</p>
    </fieldset>
  );
}

/** Finds the agent and, when paired, the token's certificates: the state the picker shows next. */
async function detectAgent(agentUrl: string): Promise<{ state: State; agent: AgentClient }> {
  const agent = new AgentClient({ baseUrl: agentUrl, token: localStorage.getItem(TOKEN_KEY) });
  const info = await agent.detect();
  if (!info) return { agent, state: { step: "notRunning" } };
  if (!info.paired || !agent.pairingToken) return { agent, state: { step: "pairing" } };
  try {
    return { agent, state: { step: "ready", keys: (await agent.listKeys()).map((key) => withApprovalAtClick(key, agent)) } };
  } catch (error) {
    // A token the agent no longer knows (restarted with --pair): pair again.
    if (error instanceof Error && "code" in error && error.code === "UNAUTHORIZED") return { agent, state: { step: "pairing" } };
    return { agent, state: { step: "error", message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The agent's PIN window opens in the click itself (before the server's prepare call), so no popup blocker stops it. */
function withApprovalAtClick(key: ExternalKey, agent: AgentClient): ExternalKey {
  return { ...key, prepareAuthorization: () => agent.beginApproval(), releaseAuthorization: () => agent.cancelApproval() };
}

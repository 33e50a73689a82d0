import { fromBase64, toBase64 } from "./base64";
import type { ExternalKey } from "./external-key";

type Result = { ok: boolean; message?: string };
export type PreparedChunk = Result & { pending?: { assignmentId: string; id: string; signedAttributes: string; sha256: string }[]; refused?: { assignmentId: string; message: string }[] };
export type FinalizedChunk = Result & { outcomes?: { assignmentId: string; ok: boolean; message: string }[] };
export type SignOutcome = { assignmentId: string; ok: boolean; message: string };

export interface ServerPhases {
  register(input: { method: ExternalKey["method"]; certificate: string; chain: string[]; cscCredentialId?: string }): Promise<Result>;
  prepare(input: { assignmentIds: string[]; method: ExternalKey["method"]; certificate: string }): Promise<PreparedChunk>;
  finalize(input: { signatures: { pendingId: string; signature: string }[] }): Promise<FinalizedChunk>;
}


/**
 * Browser side of a signature with a key the server never holds, for one document or many: make sure the
 * certificate is registered (idempotent), prepare every chunk, have the key sign all of them under ONE
 * authorization (one PIN in the agent for the batch), then finalize chunk by chunk. `onProgress` gets every
 * outcome known so far. A refusal at any step is reported per document; nothing is stored unless finalized.
 */
export async function signWithExternalKey(
  key: ExternalKey,
  chunks: string[][],
  server: ServerPhases,
  onProgress: (outcomes: SignOutcome[]) => void = () => {},
): Promise<SignOutcome[]> {
  const certificate = toBase64(key.certificate);
  const all = chunks.flat();
  const failAll = (message: string) => all.map((assignmentId) => ({ assignmentId, ok: false, message }));
  key.prepareAuthorization?.();
  const registered = await server.register({ method: key.method, certificate, chain: key.chain.map(toBase64), cscCredentialId: key.credentialId });
  if (!registered.ok) {
    key.releaseAuthorization?.();
    return failAll(registered.message ?? "");
  }

  const outcomes: SignOutcome[] = [];
  const prepared: { pending: NonNullable<PreparedChunk["pending"]> }[] = [];
  for (const chunk of chunks) {
    const result = await server.prepare({ assignmentIds: chunk, method: key.method, certificate });
    outcomes.push(...(result.refused ?? []).map((r) => ({ ...r, ok: false })));
    if (result.pending?.length) prepared.push({ pending: result.pending });
    else if (!result.refused?.length) outcomes.push(...chunk.map((assignmentId) => ({ assignmentId, ok: false, message: result.message ?? "" })));
  }
  onProgress([...outcomes]);
  const items = prepared.flatMap((p) => p.pending);
  if (!items.length) {
    key.releaseAuthorization?.();
    return outcomes;
  }

  let signatures: Uint8Array[];
  try {
    signatures = await key.sign(items.map((p) => ({ signedAttributes: fromBase64(p.signedAttributes), sha256: fromBase64(p.sha256) })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [...outcomes, ...items.map((p) => ({ assignmentId: p.assignmentId, ok: false, message }))];
  }
  const signatureOf = new Map(items.map((p, i) => [p.id, toBase64(signatures[i]!)]));
  for (const { pending } of prepared) {
    const result = await server.finalize({ signatures: pending.map((p) => ({ pendingId: p.id, signature: signatureOf.get(p.id)! })) });
    outcomes.push(...(result.outcomes ?? pending.map((p) => ({ assignmentId: p.assignmentId, ok: false, message: result.message ?? "" }))));
    onProgress([...outcomes]);
  }
  return outcomes;
}

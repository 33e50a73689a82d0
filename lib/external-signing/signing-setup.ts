import type { ExternalSigningMethod } from "./external-key";

/** What a signing screen needs to offer the ways of signing (from lib/signer-certificates/get-signing-setup). */
export type SigningSetup = {
  /** Whether the server-held key (password) is allowed. */
  serverKey: boolean;
  /** Whether signing with it also asks for a second-factor code (the signer has one on). */
  secondFactor: boolean;
  /** The ways with a key the signer holds that the admin allows and this deployment offers. */
  external: ExternalSigningMethod[];
  /** Where the local signing agent listens (CAMKET_AGENT_URL). */
  agentUrl: string;
};

/** CAMKET_AGENT_URL: where signers' pages look for the local signing agent (and what the CSP lets them reach). */
export const configuredAgentUrl = () => (process.env.CAMKET_AGENT_URL || "http://127.0.0.1:17890").replace(/\/+$/, "");

/**
 * Where a session stands, carried in its JWT: `pending` — the person has a second factor and must give it
 * before anything else; `enrol` — their role requires one and they have none yet; `done` — nothing more to ask.
 * (No database here: proxy.ts imports it.)
 */
export type SecondFactorState = "pending" | "enrol" | "done";

/** The one page a session in each owing state may open; anything else is sent there (proxy.ts). */
export const SECOND_FACTOR_PAGES = { pending: "/xac-thuc-hai-buoc", enrol: "/tai-khoan/bao-mat" } as const;

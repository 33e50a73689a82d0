/** Every way of signing, in the order screens list them (the Prisma enum SigningMethod; browser-safe). */
export const SIGNING_METHODS = ["SERVER_KEY", "AGENT", "PKCS12", "CSC"] as const;

/** The ways of signing with a key the signer holds (all but the server-held key). */
export const isExternalMethod = <T extends string>(method: T): method is Exclude<T, "SERVER_KEY"> => method !== "SERVER_KEY";

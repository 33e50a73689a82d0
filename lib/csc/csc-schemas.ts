import { z } from "zod";

/**
 * The answers of the CSC API v2.0 methods camket uses (Cloud Signature Consortium, "Architectures and
 * protocols for remote signature applications", v2.0). Unknown fields are ignored; what camket relies on
 * is required.
 */

const b64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, "base64");

export const cscInfoSchema = z.object({
  specs: z.string(),
  name: z.string(),
  logo: z.string().optional(),
  region: z.string().optional(),
  lang: z.string().optional(),
  description: z.string().optional(),
  authType: z.array(z.string()),
  oauth2: z.string().optional(),
  oauth2Issuer: z.string().optional(),
  methods: z.array(z.string()),
});
export type CscInfo = z.infer<typeof cscInfoSchema>;

export const credentialsListSchema = z.object({
  credentialIDs: z.array(z.string().min(1)),
});

export const credentialInfoSchema = z.object({
  description: z.string().optional(),
  signatureQualifier: z.string().optional(),
  key: z.object({
    status: z.enum(["enabled", "disabled"]),
    algo: z.array(z.string()),
    len: z.number().int(),
    curve: z.string().optional(),
  }),
  cert: z
    .object({
      status: z.enum(["valid", "expired", "revoked", "suspended"]).optional(),
      certificates: z.array(b64).optional(),
      issuerDN: z.string().optional(),
      serialNumber: z.string().optional(),
      subjectDN: z.string().optional(),
      validFrom: z.string().optional(),
      validTo: z.string().optional(),
    })
    .optional(),
  /** v2: "implicit" | "explicit" | "oauth2code" under auth.mode; v1.0.4: authMode. */
  authMode: z.string().optional(),
  auth: z
    .object({
      mode: z.string(),
      expression: z.string().optional(),
      objects: z.array(z.object({ type: z.string(), id: z.string().optional(), format: z.string().optional(), label: z.string().optional() })).optional(),
    })
    .optional(),
  PIN: z.object({ presence: z.string() }).optional(),
  OTP: z.object({ presence: z.string(), type: z.string().optional() }).optional(),
  SCAL: z.enum(["1", "2"]).optional(),
  multisign: z.number().int().min(1),
  lang: z.string().optional(),
});
export type CscCredentialInfo = z.infer<typeof credentialInfoSchema>;

export const authorizeSchema = z.object({
  SAD: z.string().min(1),
  expiresIn: z.number().int().positive().optional(),
});

export const signHashSchema = z.object({
  signatures: z.array(b64.min(1)),
});

export const emptySchema = z.object({}).passthrough();

/** RFC 6749 §5.1. */
export const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer", "Bearer"),
  expires_in: z.number().int().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});
export type CscTokenResponse = z.infer<typeof tokenSchema>;

import { X509Certificate } from "node:crypto";
import { loadPkcs11Module, pkcs11js, type Pkcs11js } from "./pkcs11-module";

/**
 * Any PKCS#11 module (a VGCA token's driver, SoftHSM2): lists certificate + private-key pairs by CKA_ID and
 * signs SHA-256 hashes with one login per batch. EC keys: CKM_ECDSA over the hash (returns r‖s); RSA keys:
 * CKM_RSA_PKCS over the DigestInfo (PKCS#1 v1.5). The private key never leaves the token.
 */

export interface TokenCertificate {
  /** Hex CKA_ID (the key and certificate share it), prefixed with the slot: "<slot>:<id>". */
  id: string;
  label: string;
  certificate: Uint8Array;
  /** Other certificates on the token that issue this one, nearest first. */
  chain: Uint8Array[];
}

/** What the token says about the user PIN's retry counter (C_GetTokenInfo flags). */
export type PinStatus = "ok" | "count-low" | "final-try" | "locked";

export type TokenErrorCode = "PIN_INCORRECT" | "PIN_LOCKED" | "PIN_INVALID" | "NO_KEY" | "UNKNOWN_CERTIFICATE" | "TOKEN_ERROR";

/** A failure with a code the HTTP layer maps to an answer and a message safe to show (Vietnamese). */
export class TokenError extends Error {
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

/** DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

export interface Pkcs11TokenOptions {
  modulePath: string;
  /** Only this slot; every slot with a token by default. */
  slot?: number;
}

export class Pkcs11Token {
  private readonly pkcs11: Pkcs11js.PKCS11;

  constructor(private readonly options: Pkcs11TokenOptions) {
    this.pkcs11 = loadPkcs11Module(options.modulePath);
  }

  /** Certificates that have a key pair partner (same CKA_ID) and are not CA certificates, with their chain. */
  listCertificates(): TokenCertificate[] {
    const result: TokenCertificate[] = [];
    for (const slot of this.slots()) {
      const session = this.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
      try {
        const certificates = this.findObjects(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE }]).map((handle) => {
          const [value, id, label] = this.pkcs11.C_GetAttributeValue(session, handle, [
            { type: pkcs11js.CKA_VALUE },
            { type: pkcs11js.CKA_ID },
            { type: pkcs11js.CKA_LABEL },
          ]);
          return { der: new Uint8Array(value!.value as Buffer), id: (id!.value as Buffer).toString("hex"), label: (label!.value as Buffer).toString("utf8") };
        });
        const parsed = certificates.flatMap((certificate) => {
          try {
            return [{ ...certificate, x509: new X509Certificate(Buffer.from(certificate.der)) }];
          } catch {
            return []; // not X.509 DER: skip it
          }
        });
        // Public keys are visible without logging in; a certificate with a key pair partner on the token is signable.
        const publicKeyIds = new Set(
          this.findObjects(session, [{ type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PUBLIC_KEY }]).map((handle) =>
            (this.pkcs11.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_ID }])[0]!.value as Buffer).toString("hex"),
          ),
        );
        for (const certificate of parsed) {
          if (!certificate.id || certificate.x509.ca) continue;
          // Tokens that hide public keys still list the certificate; signing then finds (or not) the private key.
          if (publicKeyIds.size > 0 && !publicKeyIds.has(certificate.id)) continue;
          const chain: Uint8Array[] = [];
          let current = certificate.x509;
          for (let depth = 0; depth < 5; depth++) {
            const issuer = parsed.find((candidate) => candidate !== certificate && candidate.x509.ca && !chain.includes(candidate.der) && current.checkIssued(candidate.x509));
            if (!issuer || issuer.x509 === current) break;
            chain.push(issuer.der);
            if (issuer.x509.checkIssued(issuer.x509)) break; // reached a root
            current = issuer.x509;
          }
          result.push({ id: `${slotNumber(slot)}:${certificate.id}`, label: certificate.label || certificate.x509.subject.split("\n").find((line) => line.startsWith("CN="))?.slice(3) || certificate.id, certificate: certificate.der, chain });
        }
      } finally {
        this.pkcs11.C_CloseSession(session);
      }
    }
    return result;
  }

  findCertificate(certificateId: string): TokenCertificate | undefined {
    return this.listCertificates().find((certificate) => certificate.id === certificateId);
  }

  /** The PIN retry state of the token holding `certificateId` ("ok" when the token does not say). */
  pinStatus(certificateId: string): PinStatus {
    const slot = this.slotOf(certificateId);
    if (!slot) return "ok";
    const { flags } = this.pkcs11.C_GetTokenInfo(slot);
    if (flags & pkcs11js.CKF_USER_PIN_LOCKED) return "locked";
    if (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) return "final-try";
    if (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) return "count-low";
    return "ok";
  }

  private slotOf(certificateId: string): Pkcs11js.Handle | undefined {
    const match = /^(\d+):[0-9a-f]+$/.exec(certificateId);
    return match ? this.slots().find((candidate) => slotNumber(candidate) === Number(match[1])) : undefined;
  }

  /** Logs in with `pin` once and signs every SHA-256 hash with the private key under `certificateId`. */
  signHashes(certificateId: string, hashes: Uint8Array[], pin: string): Uint8Array[] {
    const match = /^(\d+):([0-9a-f]+)$/.exec(certificateId);
    const slot = this.slotOf(certificateId);
    if (!match || !slot) throw new TokenError("UNKNOWN_CERTIFICATE", "Không tìm thấy chứng thư số này trên token (token đã được rút ra?).");
    const session = this.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      this.login(session, pin);
      try {
        const [key] = this.findObjects(session, [
          { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
          { type: pkcs11js.CKA_ID, value: Buffer.from(match[2]!, "hex") },
        ]);
        if (!key) throw new TokenError("NO_KEY", "Token không có khoá bí mật đi kèm chứng thư số này.");
        const keyType = (this.pkcs11.C_GetAttributeValue(session, key, [{ type: pkcs11js.CKA_KEY_TYPE }])[0]!.value as Buffer).readUIntLE(0, 1);
        return hashes.map((hash) => {
          const rsa = keyType === pkcs11js.CKK_RSA;
          if (!rsa && keyType !== pkcs11js.CKK_EC) throw new TokenError("NO_KEY", "Khoá trên token không phải RSA hay EC: chương trình ký chưa hỗ trợ.");
          this.pkcs11.C_SignInit(session, { mechanism: rsa ? pkcs11js.CKM_RSA_PKCS : pkcs11js.CKM_ECDSA }, key);
          const input = rsa ? Buffer.concat([SHA256_DIGEST_INFO, hash]) : Buffer.from(hash);
          return new Uint8Array(this.pkcs11.C_Sign(session, input, Buffer.alloc(1024)));
        });
      } finally {
        try {
          this.pkcs11.C_Logout(session);
        } catch {
          // already logged out (token removed): nothing to undo
        }
      }
    } catch (error) {
      throw asTokenError(error);
    } finally {
      this.pkcs11.C_CloseSession(session);
    }
  }

  private login(session: Pkcs11js.Handle, pin: string): void {
    try {
      this.pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (error) {
      if (error instanceof pkcs11js.Pkcs11Error && error.code === pkcs11js.CKR_USER_ALREADY_LOGGED_IN) return;
      throw error;
    }
  }

  /** Slots holding an initialised token (SoftHSM2 and some readers also list an empty, uninitialised one). */
  private slots(): Pkcs11js.Handle[] {
    return this.pkcs11.C_GetSlotList(true).filter((slot) => {
      if (this.options.slot !== undefined && slotNumber(slot) !== this.options.slot) return false;
      try {
        return (this.pkcs11.C_GetTokenInfo(slot).flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0;
      } catch {
        return false; // token pulled out meanwhile
      }
    });
  }

  private findObjects(session: Pkcs11js.Handle, template: Pkcs11js.Template): Pkcs11js.Handle[] {
    this.pkcs11.C_FindObjectsInit(session, template);
    try {
      return this.pkcs11.C_FindObjects(session, 1000);
    } finally {
      this.pkcs11.C_FindObjectsFinal(session);
    }
  }
}

/** A slot handle is the CK_SLOT_ID in native byte order (8 bytes on 64-bit platforms). */
export function slotNumber(slot: Pkcs11js.Handle): number {
  return Number(slot.length >= 8 ? slot.readBigUInt64LE(0) : slot.readUInt32LE(0));
}

function asTokenError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof pkcs11js.Pkcs11Error) {
    switch (error.code) {
      case pkcs11js.CKR_PIN_INCORRECT:
        return new TokenError("PIN_INCORRECT", "Mã PIN không đúng (CKR_PIN_INCORRECT). Nhập lại cẩn thận: token sẽ bị khoá nếu sai quá số lần cho phép.");
      case pkcs11js.CKR_PIN_LOCKED:
        return new TokenError("PIN_LOCKED", "Token đã bị khoá do nhập sai PIN quá số lần cho phép (CKR_PIN_LOCKED). Liên hệ đơn vị cấp chứng thư số để mở khoá.");
      case pkcs11js.CKR_PIN_INVALID:
      case pkcs11js.CKR_PIN_LEN_RANGE:
        return new TokenError("PIN_INVALID", "Mã PIN không hợp lệ (độ dài hoặc ký tự không được token chấp nhận).");
      case pkcs11js.CKR_PIN_EXPIRED:
        return new TokenError("PIN_LOCKED", "Mã PIN của token đã hết hạn (CKR_PIN_EXPIRED): đổi PIN bằng phần mềm của token rồi thử lại.");
    }
    return new TokenError("TOKEN_ERROR", `Token báo lỗi: ${error.message.split("\n")[0]}`);
  }
  return new TokenError("TOKEN_ERROR", `Lỗi khi ký bằng token: ${error instanceof Error ? error.message : String(error)}`);
}

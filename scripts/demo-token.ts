/**
 * `npm run demo:token -- --email head@… [--pin 123456] [--dir .data/softhsm] [--label camket-demo]`: a USB
 * token for trying the signing agent without one. Creates a SoftHSM2 token under .data/softhsm (its own
 * softhsm2.conf), generates an EC P-256 key ON it (not extractable), has the app's city CA issue that
 * person's certificate for the token's public key and stores it (and the CA certificate) on the token.
 * Then prints how to run the agent; registering the certificate is done in the app.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { runMaintenance } from "@/lib/db/run-maintenance";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    pin: { type: "string", default: "123456" },
    dir: { type: "string", default: ".data/softhsm" },
    label: { type: "string", default: "camket-demo" },
  },
});
if (!values.email) {
  console.error("Cách dùng: npm run demo:token -- --email <e-mail của người ký> [--pin 123456] [--dir .data/softhsm] [--label camket-demo]");
  process.exit(2);
}
if (!/^\d{4,16}$/.test(values.pin)) {
  console.error("--pin: 4–16 chữ số.");
  process.exit(2);
}
const email = values.email.trim().toLowerCase();
const dir = path.resolve(values.dir);

await runMaintenance("npm run demo:token", { code: 1, message: "Không tạo được token thử" }, async (database) => {
  process.env.DATABASE_URL = database.url;
  const { prisma } = await import("@/lib/db/client");
  const { getCityCa } = await import("@/lib/signatures/city-ca-store");
  const { issueUserCertificateForPublicKey, CITY_ORGANIZATION } = await import("@/lib/signing/city-ca");
  const { createSoftHsmToken, generateEcKeyOnToken, storeCertificateOnToken } = await import("@/lib/signing/testing/softhsm-token");

  const user = await prisma.user.findUnique({ where: { email }, include: { unit: true } });
  if (!user) {
    console.error(`Không có tài khoản ${email}. (Tài khoản mẫu: xem mục "Tài khoản mẫu" trong README.)`);
    await prisma.$disconnect();
    return 1;
  }

  const token = await createSoftHsmToken({ dir, label: values.label, pin: values.pin });
  const key = generateEcKeyOnToken(token, { label: `${user.fullName} (${email})` });
  const ca = await getCityCa();
  const issued = await issueUserCertificateForPublicKey(ca, key.spkiDer, {
    fullName: user.fullName,
    jobTitle: user.jobTitle,
    unitName: user.unit?.name ?? CITY_ORGANIZATION,
    email: user.email,
    validityYears: 2,
  });
  storeCertificateOnToken(token, { certDer: issued.certDer, id: key.id, label: user.fullName });
  storeCertificateOnToken(token, { certDer: ca.certDer, id: randomBytes(8), label: "CA thành phố" });
  const pemFile = path.join(dir, `${email}.pem`);
  await writeFile(pemFile, issued.certPem);
  token.close();
  await prisma.$disconnect();

  const relativeConf = path.relative(process.cwd(), token.confPath) || token.confPath;
  console.log(`Đã tạo token thử "${values.label}" ở ${dir}
  Khoá EC P-256 sinh trên token (không xuất ra được), CKA_ID ${key.id.toString("hex")}
  Chứng thư số: ${issued.subject}
  Số sê-ri ${issued.serialHex}, SHA-256 ${issued.sha256Fingerprint}
  Hết hạn ${issued.notAfter.toISOString()} — bản PEM: ${path.relative(process.cwd(), pemFile)}
  Mã PIN của token: ${values.pin}

Chạy chương trình ký với token này:
  SOFTHSM2_CONF=${relativeConf} npm run agent -- --module ${token.modulePath} --origin http://localhost:3000

Tiếp theo: đăng nhập camket bằng ${email}, ghép nối với chương trình ký (mã 6 chữ số hiện ở cửa sổ của nó)
và đăng ký chứng thư số trên token trong phần phương thức ký; khi ký, nhập PIN ở cửa sổ của chương trình ký.`);
  return 0;
});

import { createCityCa, issueUserCertificate, type IssuedCertificate } from "../city-ca";
import { createCityCaSigner } from "../city-ca-signer";
import type { Signer } from "../signer";

export interface TestPki {
  ca: IssuedCertificate;
  head: { certificate: IssuedCertificate; signer: Signer };
  chairperson: { certificate: IssuedCertificate; signer: Signer };
}

/** A fresh city CA with a unit head and the city chairperson, as the app would issue them. */
export async function createTestPki(): Promise<TestPki> {
  const ca = await createCityCa({ commonName: "UBND thành phố Phan Thiết" });
  const person = async (fullName: string, jobTitle: string, unitName: string, email: string) => {
    const certificate = await issueUserCertificate(ca, { fullName, jobTitle, unitName, email });
    const signer = await createCityCaSigner({
      certDer: certificate.certDer,
      privateKeyPkcs8: certificate.privateKeyPkcs8,
      issuerCertsDer: [ca.certDer],
    });
    return { certificate, signer };
  };
  return {
    ca,
    head: await person("Nguyễn Văn Đức", "Trưởng phòng", "Phòng Nội vụ", "duc.nv@phanthiet.gov.vn"),
    chairperson: await person("Trần Thị Hồng Nhung", "Chủ tịch", "UBND thành phố Phan Thiết", "chutich@phanthiet.gov.vn"),
  };
}

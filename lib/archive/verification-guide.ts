import { formatFingerprint, opensslFingerprintLine } from "@/lib/signing/certificate-fingerprint";

/**
 * HUONG-DAN-KIEM-TRA.txt: how to check the archive with standard tools only, without trusting camket.
 * `caSha256Hex` is the CA's SHA-256 as stored (lowercase hex); the guide prints it exactly as openssl does.
 */
export function verificationGuide(campaignName: string, caSha256Hex: string): string {
  return `HƯỚNG DẪN KIỂM TRA BỘ LƯU TRỮ — ${campaignName}

Bộ lưu trữ này kiểm tra được hoàn toàn bằng công cụ phổ biến (coreutils, poppler-utils, libnss3-tools,
openssl), không cần phần mềm camket. Chạy các lệnh dưới đây trong thư mục đã giải nén.

Nội dung
  manifest.json          chiến dịch, phiên bản mẫu cam kết (mã băm nội dung), từng đơn vị: tên, loại,
                         người đứng đầu, trạng thái, thời điểm, số và ngày ban hành, tên tệp và SHA-256
                         của từng phiên bản PDF
  pdf/                   các bản PDF: -ban-goc (chưa ký), -da-ky (người đứng đầu ký), -da-xac-nhan
                         (Chủ tịch UBND thành phố ký xác nhận), -da-ban-hanh (văn thư cấp số, ngày và ký
                         số của cơ quan ban hành); "-lan-N" là lần phát hành lại thứ N
  bao-cao/               báo cáo xác minh chữ ký số (PDF) của phiên bản hiện hành của từng đơn vị đã ký:
                         người ký, chứng thư, thời điểm, mã băm, nhật ký của bản cam kết
  so-van-ban-di.csv      các văn bản của chiến dịch trong sổ đăng ký văn bản đi: cơ quan, số, ký hiệu,
                         ngày ban hành, trích yếu, người ký, nơi nhận
  audit-log.jsonl        nhật ký kiểm toán của chiến dịch, mỗi dòng một sự kiện kèm prevHash và hash
  city-ca.pem            chứng thư gốc (CA) của thành phố, đã cấp chứng thư ký cho mọi người ký
  SHA256SUMS             SHA-256 của mọi tệp trên

1. Tính toàn vẹn của từng tệp
     sha256sum -c SHA256SUMS
   Mọi dòng phải kết thúc bằng "OK" (bản tiếng Việt: "ĐƯỢC").

2. Chứng thư gốc của thành phố
     openssl x509 -in city-ca.pem -noout -fingerprint -sha256
   Lệnh phải in đúng dòng sau (OpenSSL 1.1 ghi nhãn "SHA256 Fingerprint=", phần sau dấu "=" giống hệt):
     ${opensslFingerprintLine(formatFingerprint(caSha256Hex), "sha256")}
   So với dấu vân tay UBND thành phố công bố ở trang /ca của hệ thống (mở được khi chưa đăng nhập).
   manifest.json ghi cùng mã băm ở dạng chữ thường, không có dấu hai chấm.

3. Chữ ký số trong PDF (pdfsig + cơ sở dữ liệu NSS chỉ tin CA của thành phố)
     mkdir nssdb
     certutil -N -d sql:nssdb --empty-password
     certutil -A -d sql:nssdb -n "CA thanh pho" -t "CT,C,C" -i city-ca.pem
     for f in pdf/*-da-ky.pdf pdf/*-da-xac-nhan.pdf; do pdfsig -nssdir sql:nssdb "$f"; done
   Với mỗi chữ ký: "Signature Validation: Signature is Valid." và
   "Certificate Validation: Certificate is Trusted.". Bản đã xác nhận có hai chữ ký rồi một dấu thời gian
   cho tài liệu (trường DauThoiGianLuuTru_…, PAdES B-LTA) phủ toàn bộ tệp; pdfsig 22.12 liệt kê nó nhưng
   chưa kiểm tra được loại này ("Signature has not yet been verified."): kiểm tra nó bằng openssl ở bước 4.
   Chữ ký nào cũng báo "Not total document signed" là đúng, vì sau nó còn dữ liệu xác thực (DSS), chữ ký
   xác nhận hoặc dấu thời gian.

4. Kiểm tra bằng openssl (độc lập với poppler)
   Đặt F là tệp cần kiểm tra và N là số thứ tự của mục cần kiểm tra theo pdfsig (bản đã xác nhận: 1 người
   đứng đầu, 2 chủ tịch, 3 dấu thời gian cho tài liệu); các dòng sau lấy /ByteRange [a b c d] của mục N,
   phần nội dung được ký và chữ ký:
     F=pdf/TEP.pdf N=2
     read a b c d <<< "$(grep -a -o '/ByteRange *\\[[0-9 ]*\\]' "$F" | sed -n "$N"p | tr -d '/ByteRange[]')"
     head -c $b "$F" > noi-dung-da-ky.bin
     tail -c +$((c + 1)) "$F" | head -c $d >> noi-dung-da-ky.bin
     tail -c +$((b + 2)) "$F" | head -c $((c - b - 2)) | xxd -r -p > chu-ky.der
   Với một chữ ký:
     openssl cms -verify -binary -inform DER -in chu-ky.der -content noi-dung-da-ky.bin \\
       -CAfile city-ca.pem -purpose any -out /dev/null
   Kết quả đúng: "CMS Verification successful".
   Với dấu thời gian cho tài liệu:
     openssl ts -verify -data noi-dung-da-ky.bin -in chu-ky.der -token_in -CAfile city-ca.pem
   Kết quả đúng: "Verification: OK".

5. Nhật ký kiểm toán (audit-log.jsonl)
   Mỗi sự kiện có "hash" = SHA-256 (hex) của JSON chuẩn hóa (khóa xếp theo thứ tự, không khoảng trắng,
   chuỗi dạng NFC) gồm các trường: prevHash, at, type, actorId, actorEmail, ip, userAgent, unitId,
   campaignId, assignmentId, data. "prevHash" là hash của sự kiện liền trước trong toàn bộ nhật ký
   của hệ thống (tệp này chỉ chứa các sự kiện của chiến dịch, nên giữa hai dòng có thể có sự kiện khác).
   Kiểm tra toàn bộ chuỗi trên máy chủ: npm run audit:verify, hoặc nút "Kiểm tra chuỗi nhật ký" ở trang
   Lưu trữ.
`;
}

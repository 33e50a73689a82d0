/** /kiem-tra: checking the signatures of an uploaded PDF, and the report shown for it. */
export const verification = {
  pageTitle: "Kiểm tra chữ ký",
  heading: "Kiểm tra chữ ký số của tệp PDF",
  description:
    "Tải lên một bản cam kết (PDF, tối đa 20 MB) để xem từng chữ ký: người ký, thời điểm, tính toàn vẹn, chứng thư có do CA của thành phố cấp và có bị thu hồi không, và tệp có trùng với một bản đã lưu trữ không.",
  form: {
    file: "Tệp PDF cần kiểm tra",
    submit: "Kiểm tra",
    pending: "Đang kiểm tra…",
  },
  /** Why a file could not be checked. */
  errors: {
    signedOut: "Bạn cần đăng nhập để kiểm tra tệp.",
    noFile: "Hãy chọn tệp PDF cần kiểm tra.",
    empty: "Tệp trống (0 byte). Hãy chọn tệp PDF cần kiểm tra.",
    tooLarge: "Tệp quá lớn ({size} MB). Chỉ kiểm tra được tệp PDF tối đa 20 MB.",
    notPdf: "“{fileName}” không phải tệp PDF. Hãy chọn đúng tệp PDF bản cam kết.",
    notPdfKind: "“{fileName}” không phải tệp PDF (nội dung là {kind}, chỉ được đặt tên .pdf). Hãy chọn đúng tệp PDF bản cam kết.",
    tooManySignatures: "Tệp có quá nhiều chữ ký để kiểm tra (tối đa 20).",
    tooManyPages: "Tệp có quá nhiều trang để kiểm tra (tối đa 1.000 trang); bản cam kết chỉ có vài trang.",
    damaged: "“{fileName}” bị hỏng, không đọc được (tệp bị cắt cụt hoặc hư hỏng). Hãy lấy lại tệp gốc đầy đủ rồi kiểm tra lại.",
    tooComplex: "Tệp có cấu trúc quá phức tạp, không kiểm tra xong trong 10 giây. Hãy kiểm tra đúng tệp PDF bản cam kết tải từ hệ thống.",
  },
  /** What a file that is not a PDF looks like, from its first bytes. */
  sniffedKinds: {
    jpeg: "ảnh JPEG",
    png: "ảnh PNG",
    zip: "tệp nén ZIP hoặc tài liệu Office",
  },
  /** Names the upload when the browser sent none. */
  defaultFileName: "tệp",
  summary: {
    noSignatures: "Tệp PDF này không có chữ ký số nào.",
    allValid: "Tất cả {count} chữ ký đều hợp lệ, do CA của thành phố cấp và chưa bị thu hồi.",
    someInvalid: "Có chữ ký không hợp lệ hoặc không đáng tin cậy — xem chi tiết từng chữ ký.",
    modified: "Tệp đã bị sửa đổi sau khi ký: nội dung hiện tại không còn là nội dung đã được ký — xem chi tiết từng chữ ký.",
  },
  /** What was added to the file after a signature (lib/signing/classify-changes-after-signature). */
  changes: {
    allowed: {
      signature: "chữ ký số tiếp theo",
      timestamp: "dấu thời gian cho tài liệu",
      dss: "dữ liệu xác thực chứng thư (DSS)",
    },
    disallowed: {
      "page-content": "nội dung trang",
      annotation: "chú thích hoặc hình vẽ trên trang",
      form: "trường biểu mẫu",
      pages: "thêm, bớt hoặc sắp xếp lại trang",
      catalog: "cấu trúc tài liệu",
      "signature-altered": "dữ liệu của một chữ ký đã có",
      removed: "xóa đối tượng trong tệp",
      unreadable: "phần dữ liệu không đọc được để đối chiếu",
      other: "dữ liệu khác",
    },
  },
  /** lib/signing/read-pdf-signatures explains problems in English; these are what people read. */
  problems: {
    byteRange: "Vùng dữ liệu được ký (/ByteRange) sai hoặc trỏ ra ngoài tệp.",
    changed: "Nội dung đã bị thay đổi sau khi ký (mã băm không khớp).",
    cryptographic: "Chữ ký mật mã không khớp với khóa công khai của người ký.",
    notCityCa: "Chứng thư ký không do CA của UBND thành phố Phan Thiết cấp.",
    unreadable: "Không đọc được dữ liệu chữ ký (hỏng hoặc không đúng định dạng).",
    other: "Lỗi chữ ký: {problem}",
  },
  unknownSigner: "Không rõ",
  vietnamTime: "{time} (giờ Việt Nam)",
  result: {
    label: "Kết quả kiểm tra",
    bytes: "{size} byte",
    archived: "Trùng khớp từng byte với bản đã lưu trữ: {kind} — {unit}, {campaign}.",
    notArchived: "Không có trong kho lưu trữ: tệp không trùng với bất kỳ phiên bản nào đã lưu.",
    signature: "Chữ ký {number}: {signer}",
    time: "Thời điểm ký: {time}",
    timeNotRecorded: "không ghi",
    timeFromTimestamp: "(theo dấu thời gian)",
    timeClaimed: "(do người ký khai)",
    intact: "Toàn vẹn: hợp lệ",
    notIntact: "Toàn vẹn: không hợp lệ",
    cityCa: "Do CA thành phố cấp",
    notCityCa: "Không do CA thành phố cấp",
    notRevoked: "Chứng thư chưa bị thu hồi",
    revoked: "Chứng thư đã bị thu hồi lúc {time}",
    unknownCertificate: "Chứng thư không có trong hệ thống",
    coversWholeFile: "Bao trùm toàn bộ tệp",
    notWholeFile: "Không bao trùm toàn bộ tệp",
    modifiedAfter: "Tệp bị sửa đổi sau chữ ký này",
    addedAfter: "Thêm vào sau chữ ký này (được phép): {changes}.",
    changedAfter: "Sửa đổi sau chữ ký này (không được phép): {changes}.",
  },
};

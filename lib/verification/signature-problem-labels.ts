// lib/signing/read-pdf-signatures.ts explains problems in English; people read them in Vietnamese.
const PROBLEMS: [RegExp, string][] = [
  [/^ByteRange is malformed/, "Vùng dữ liệu được ký (/ByteRange) sai hoặc trỏ ra ngoài tệp."],
  [/^The document was changed after signing/, "Nội dung đã bị thay đổi sau khi ký (mã băm không khớp)."],
  [/^The cryptographic signature does not verify/, "Chữ ký mật mã không khớp với khóa công khai của người ký."],
  [/^The certificate was not issued by the expected CA/, "Chứng thư ký không do CA của UBND thành phố Phan Thiết cấp."],
  [/^The signature data is unreadable/, "Không đọc được dữ liệu chữ ký (hỏng hoặc không đúng định dạng)."],
];

export function describeSignatureProblem(problem: string): string {
  return PROBLEMS.find(([pattern]) => pattern.test(problem))?.[1] ?? `Lỗi chữ ký: ${problem}`;
}

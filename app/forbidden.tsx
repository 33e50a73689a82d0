import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-seal">403</p>
      <h1 className="mt-2 text-2xl font-bold">Bạn không có quyền truy cập trang này</h1>
      <p className="mt-3 text-slate-600">Trang này dành cho vai trò khác. Nếu cần quyền, hãy liên hệ Phòng Nội vụ.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        Về trang chính
      </Link>
    </main>
  );
}

import Link from "next/link";
import { getMessages } from "@/lib/i18n/get-messages";

export default async function NotFound() {
  const { errorPages } = (await getMessages()).common;
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="mt-2 text-2xl font-bold">{errorPages.notFoundTitle}</h1>
      <p className="mt-3 text-slate-600">{errorPages.notFoundText}</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        {errorPages.home}
      </Link>
    </main>
  );
}

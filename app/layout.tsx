import type { Metadata, Viewport } from "next";
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import localFont from "next/font/local";
import "./globals.css";

// The document's face on screen is the PDF's own (Tinos, Times-compatible), so the review reads like the paper.
const tinos = localFont({
  src: [
    { path: "../lib/pdf/fonts/tinos-regular.ttf", weight: "400", style: "normal" },
    { path: "../lib/pdf/fonts/tinos-bold.ttf", weight: "700", style: "normal" },
    { path: "../lib/pdf/fonts/tinos-italic.ttf", weight: "400", style: "italic" },
  ],
  variable: "--font-tinos",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Cam kết CCHC — UBND thành phố Phan Thiết", template: "%s — Cam kết CCHC Phan Thiết" },
  description: "Ký số bản cam kết trách nhiệm người đứng đầu về cải cách hành chính",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi" className={tinos.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}

import type { Metadata, Viewport } from "next";
import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import localFont from "next/font/local";
import "./globals.css";
import { getLocale, getMessages } from "@/lib/i18n/get-messages";
import { messagesFor } from "@/lib/i18n/messages-for";
import { MessagesProvider } from "@/components/i18n/messages-provider";

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

export async function generateMetadata(): Promise<Metadata> {
  const { app } = (await getMessages()).common;
  return { title: { default: app.title, template: app.titleTemplate }, description: app.description };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale} className={tinos.variable}>
      <body className="min-h-screen font-sans">
        <MessagesProvider locale={locale} messages={messagesFor(locale)}>
          {children}
        </MessagesProvider>
      </body>
    </html>
  );
}

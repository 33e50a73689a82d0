import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { MessagesProvider } from "@/components/i18n/messages-provider";
import { messagesFor } from "@/lib/i18n/messages-for";
import GlobalError from "@/app/global-error";
import SignedInError from "@/app/(app)/error";
import RootError from "@/app/error";
import { withUnavailableDigest } from "./tag-unavailable-errors";
import { UNAVAILABLE_DIGEST_PREFIX } from "./unavailable-digest";

/** What Next hands a boundary in production: a generic Error whose only useful field is the digest. */
const serverError = (digest: string) => Object.assign(new Error("Invalid `prisma.user.findUnique()` invocation: Can't reach database server at 127.0.0.1:5432 (P1001)"), { digest });
const LEAKS = ["prisma", "P1001", "127.0.0.1", "5432", "invocation"];
const retry = () => undefined;

function render(boundary: typeof GlobalError, error: unknown, locale: "vi" | "en" = "vi"): string {
  const element = createElement(boundary, { error, retry });
  return renderToStaticMarkup(boundary === GlobalError ? element : MessagesProvider({ locale, messages: messagesFor(locale), children: element }));
}

describe("error pages", () => {
  for (const [name, boundary] of [["app/global-error", GlobalError], ["app/error", RootError], ["app/(app)/error", SignedInError]] as const) {
    it(`${name}: a database outage reads "temporarily unavailable", anything else "something went wrong" with the digest; never the error's text`, () => {
      const outage = render(boundary, serverError(`${UNAVAILABLE_DIGEST_PREFIX}1a2b3c4d`));
      expect(outage).toContain("Dịch vụ tạm thời không khả dụng");
      const other = render(boundary, serverError("2847561930"));
      expect(other).toContain("Đã có lỗi");
      expect(other).toContain("mã tham chiếu 2847561930");
      for (const html of [outage, other]) for (const leak of LEAKS) expect(html).not.toContain(leak);
      expect(render(boundary, "a thrown string")).toContain("mã tham chiếu —");
    });
  }

  it("the signed-in boundary speaks the reader's language", () => {
    expect(render(SignedInError, serverError(`${UNAVAILABLE_DIGEST_PREFIX}1a2b3c4d`), "en")).toContain("Service temporarily unavailable");
  });
});

describe("withUnavailableDigest", () => {
  it("stamps the unavailable digest on a real unreachable-database error, and leaves other database errors alone", async () => {
    const offline = withUnavailableDigest(new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres" }) }));
    const refused = (await offline.user.findFirst().catch((e: unknown) => e)) as { digest?: string };
    const raw = (await offline.$queryRaw`SELECT 1`.catch((e: unknown) => e)) as { digest?: string };
    await offline.$disconnect();
    expect(refused.digest).toMatch(new RegExp(`^${UNAVAILABLE_DIGEST_PREFIX}[0-9a-f]{8}$`));
    expect(raw.digest).toMatch(new RegExp(`^${UNAVAILABLE_DIGEST_PREFIX}`));
    const nul = (await prisma.user.count({ where: { email: "a\u0000" } }).catch((e: unknown) => e)) as { digest?: string };
    expect(nul).toBeInstanceOf(Error);
    expect(nul.digest).toBeUndefined();
  });
});

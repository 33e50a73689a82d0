/**
 * Who may open what: one row per page or route handler in app/. rbac.spec.ts checks every row for every
 * role and signed-out, and fails when a file under app/ has no row — a new route cannot be forgotten.
 * `file` is the route's file; `path` may use :head (the Đức Thắng head's assignment), :unit, :user,
 * :campaign, :template. `allow` lists roles that get 200; ownUnitOnly heads get 404 for another unit.
 * "public-post-only": reachable signed out, but only by POST — a GET is 405 for everyone.
 * "token": /api/v1, Bearer tokens only — a session cookie is not enough, so everyone here gets 401.
 * "signed-in-redirect": any signed-in role gets a redirect that is not to /login (e.g. to a provider's OAuth2
 * page or back to a page with an outcome flag); signed out goes to /login.
 */
export type Role = "ADMIN" | "CHAIRPERSON" | "UNIT_HEAD" | "AUDITOR";
export type RouteAccess = { file: string; path: string; allow: Role[] | "public" | "signed-in" | "signed-in-redirect" | "method-not-allowed" | "public-post-only" | "token" };

const CITY: Role[] = ["ADMIN", "CHAIRPERSON", "AUDITOR"];
const ADMIN: Role[] = ["ADMIN"];

export const ROUTES: RouteAccess[] = [
  { file: "app/page.tsx", path: "/", allow: "public" },
  { file: "app/(auth)/login/page.tsx", path: "/login", allow: "public" },
  { file: "app/api/auth/[...nextauth]/route.ts", path: "/api/auth/session", allow: "public" },
  // The login form's plain POST (works without JavaScript).
  { file: "app/api/auth/login/route.ts", path: "/api/auth/login", allow: "public-post-only" },
  // Second factor (issue 16): every signed-in person's own security page; the code page sends a complete session home.
  { file: "app/(auth)/tai-khoan/bao-mat/page.tsx", path: "/tai-khoan/bao-mat", allow: "signed-in" },
  { file: "app/(auth)/xac-thuc-hai-buoc/page.tsx", path: "/xac-thuc-hai-buoc", allow: "signed-in-redirect" },
  { file: "app/ca/page.tsx", path: "/ca", allow: "public" },
  { file: "app/ca/city-ca.pem/route.ts", path: "/ca/city-ca.pem", allow: "public" },
  { file: "app/ca/city-ca.der/route.ts", path: "/ca/city-ca.der", allow: "public" },
  // Revocation anyone can check (issue 15): the CRL, and the OCSP responder by POST and by GET.
  { file: "app/ca/crl/[name]/route.ts", path: "/ca/crl/city-ca.crl", allow: "public" },
  { file: "app/ca/ocsp/route.ts", path: "/ca/ocsp", allow: "public-post-only" },
  { file: "app/ca/ocsp/[...request]/route.ts", path: "/ca/ocsp/MAA%3D", allow: "public" },
  // The deployment's own RFC 3161 TSA (issue 15).
  { file: "app/ca/tsa/route.ts", path: "/ca/tsa", allow: "public-post-only" },
  { file: "app/(app)/cam-ket/page.tsx", path: "/cam-ket", allow: ["UNIT_HEAD"] },
  { file: "app/(app)/cam-ket/[id]/page.tsx", path: "/cam-ket/:head", allow: ["UNIT_HEAD", ...CITY] },
  // POST-only: a GET is 405 for everyone signed in (the matrix below checks it is never a 200).
  { file: "app/(app)/cam-ket/[id]/ky/route.ts", path: "/cam-ket/:head/ky", allow: "method-not-allowed" },
  { file: "app/(app)/cam-ket/[id]/pdf/route.ts", path: "/cam-ket/:head/pdf", allow: ["UNIT_HEAD", ...CITY] },
  { file: "app/(app)/theo-doi/page.tsx", path: "/theo-doi", allow: CITY },
  { file: "app/(app)/theo-doi/xuat/route.ts", path: "/theo-doi/xuat?format=csv", allow: CITY },
  { file: "app/(app)/theo-doi/don-vi/[id]/page.tsx", path: "/theo-doi/don-vi/:head", allow: CITY },
  { file: "app/(app)/luu-tru/page.tsx", path: "/luu-tru", allow: CITY },
  { file: "app/(app)/luu-tru/[campaignId]/archive.zip/route.ts", path: "/luu-tru/:campaign/archive.zip", allow: CITY },
  { file: "app/(app)/kiem-tra/page.tsx", path: "/kiem-tra", allow: "signed-in" },
  { file: "app/(app)/chu-ky-so/page.tsx", path: "/chu-ky-so", allow: ["UNIT_HEAD", "CHAIRPERSON"] },
  { file: "app/api/v1/openapi.json/route.ts", path: "/api/v1/openapi.json", allow: "public" },
  { file: "app/api/v1/campaigns/route.ts", path: "/api/v1/campaigns", allow: "token" },
  // Write API (issue 16): PUT/POST only, so a GET is 405 for everyone before any token is looked at.
  { file: "app/api/v1/units/[externalId]/route.ts", path: "/api/v1/units/HR-1", allow: "public-post-only" },
  { file: "app/api/v1/users/[externalId]/route.ts", path: "/api/v1/users/HR-1", allow: "public-post-only" },
  { file: "app/api/v1/assignments/[id]/receipt/route.ts", path: "/api/v1/assignments/:head/receipt", allow: "public-post-only" },
  { file: "app/api/v1/campaigns/[id]/launch/route.ts", path: "/api/v1/campaigns/:campaign/launch", allow: "public-post-only" },
  { file: "app/api/v1/campaigns/[id]/status/route.ts", path: "/api/v1/campaigns/:campaign/status", allow: "token" },
  { file: "app/api/v1/campaigns/[id]/archive.zip/route.ts", path: "/api/v1/campaigns/:campaign/archive.zip", allow: "token" },
  { file: "app/api/v1/assignments/[id]/pdf/route.ts", path: "/api/v1/assignments/:head/pdf", allow: "token" },
  // Linking a remote-signing (CSC) account: OAuth2 to the provider and back to /chu-ky-so?csc=<outcome>.
  { file: "app/api/csc/connect/route.ts", path: "/api/csc/connect", allow: "signed-in-redirect" },
  { file: "app/api/csc/callback/route.ts", path: "/api/csc/callback", allow: "signed-in-redirect" },
  { file: "app/(app)/quan-tri/page.tsx", path: "/quan-tri", allow: ADMIN },
  { file: "app/(app)/quan-tri/don-vi/page.tsx", path: "/quan-tri/don-vi", allow: ADMIN },
  { file: "app/(app)/quan-tri/don-vi/moi/page.tsx", path: "/quan-tri/don-vi/moi", allow: ADMIN },
  { file: "app/(app)/quan-tri/don-vi/[id]/page.tsx", path: "/quan-tri/don-vi/:unit", allow: ADMIN },
  { file: "app/(app)/quan-tri/nguoi-dung/page.tsx", path: "/quan-tri/nguoi-dung", allow: ADMIN },
  { file: "app/(app)/quan-tri/nguoi-dung/moi/page.tsx", path: "/quan-tri/nguoi-dung/moi", allow: ADMIN },
  { file: "app/(app)/quan-tri/nguoi-dung/[id]/page.tsx", path: "/quan-tri/nguoi-dung/:user", allow: ADMIN },
  { file: "app/(app)/quan-tri/mau-cam-ket/page.tsx", path: "/quan-tri/mau-cam-ket", allow: ADMIN },
  { file: "app/(app)/quan-tri/mau-cam-ket/[id]/page.tsx", path: "/quan-tri/mau-cam-ket/:template", allow: ADMIN },
  { file: "app/(app)/quan-tri/chien-dich/page.tsx", path: "/quan-tri/chien-dich", allow: ADMIN },
  { file: "app/(app)/quan-tri/chien-dich/moi/page.tsx", path: "/quan-tri/chien-dich/moi", allow: ADMIN },
  { file: "app/(app)/quan-tri/chien-dich/[id]/page.tsx", path: "/quan-tri/chien-dich/:campaign", allow: ADMIN },
  { file: "app/(app)/quan-tri/chung-thu/page.tsx", path: "/quan-tri/chung-thu", allow: ADMIN },
  { file: "app/(app)/quan-tri/tin-cay/page.tsx", path: "/quan-tri/tin-cay", allow: ADMIN },
  { file: "app/(app)/quan-tri/webhook/page.tsx", path: "/quan-tri/webhook", allow: ADMIN },
  { file: "app/(app)/quan-tri/hop-thu/page.tsx", path: "/quan-tri/hop-thu", allow: ADMIN },
  { file: "app/(app)/quan-tri/uy-quyen/page.tsx", path: "/quan-tri/uy-quyen", allow: ADMIN },
  { file: "app/(app)/quan-tri/co-quan-ban-hanh/page.tsx", path: "/quan-tri/co-quan-ban-hanh", allow: ADMIN },
  { file: "app/(app)/quan-tri/co-quan-ban-hanh/moi/page.tsx", path: "/quan-tri/co-quan-ban-hanh/moi", allow: ADMIN },
  { file: "app/(app)/quan-tri/co-quan-ban-hanh/[id]/page.tsx", path: "/quan-tri/co-quan-ban-hanh/city", allow: ADMIN },
  // The city body's demo seal (seeded); a clerk of the city body may read it too.
  { file: "app/(app)/quan-tri/co-quan-ban-hanh/[id]/con-dau/route.ts", path: "/quan-tri/co-quan-ban-hanh/city/con-dau", allow: ADMIN },
  // The clerk's (CLERK, not among the roles checked here): none of these four may open the queue.
  { file: "app/(app)/van-thu/page.tsx", path: "/van-thu", allow: [] },
  { file: "app/(app)/van-thu/so-van-ban-di/page.tsx", path: "/van-thu/so-van-ban-di", allow: CITY },
  { file: "app/(app)/van-thu/so-van-ban-di/xuat/route.ts", path: "/van-thu/so-van-ban-di/xuat?format=csv", allow: CITY },
  // The validation report of the current PDF: the same access as the PDF itself.
  { file: "app/(app)/cam-ket/[id]/bao-cao/route.ts", path: "/cam-ket/:head/bao-cao", allow: ["UNIT_HEAD", ...CITY] },
  { file: "app/api/v1/assignments/[id]/validation-report/route.ts", path: "/api/v1/assignments/:head/validation-report", allow: "token" },
];

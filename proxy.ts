import { withAuth } from "next-auth/middleware";

// Signed-out visitors go to /login (/api/v1 answers 401 JSON itself: token auth); roles and units are checked again by every page, action and route.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!login|api/auth|api/v1|_next/static|_next/image|favicon.ico).*)"],
};

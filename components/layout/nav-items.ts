import type { Role } from "@/lib/generated/prisma/enums";
import type { Messages } from "@/lib/i18n/messages-for";

export type NavItem = { href: string; label: keyof Messages["common"]["nav"] };

const verify: NavItem = { href: "/kiem-tra", label: "verify" };
const dashboard: NavItem = { href: "/theo-doi", label: "dashboard" };
const archive: NavItem = { href: "/luu-tru", label: "archive" };
const mySigning: NavItem = { href: "/chu-ky-so", label: "mySigning" };

/** The navigation each role sees; pages still check the role on the server. */
export const NAV_ITEMS: Record<Role, NavItem[]> = {
  UNIT_HEAD: [{ href: "/cam-ket", label: "myCommitments" }, mySigning, verify],
  CHAIRPERSON: [dashboard, archive, mySigning, verify],
  ADMIN: [
    { href: "/quan-tri", label: "admin" },
    { href: "/quan-tri/don-vi", label: "units" },
    { href: "/quan-tri/nguoi-dung", label: "users" },
    { href: "/quan-tri/mau-cam-ket", label: "templates" },
    { href: "/quan-tri/chien-dich", label: "campaigns" },
    { href: "/quan-tri/chung-thu", label: "certificates" },
    { href: "/quan-tri/tin-cay", label: "trustList" },
    { href: "/quan-tri/hop-thu", label: "outbox" },
    { href: "/quan-tri/co-quan-ban-hanh", label: "issuingBodies" },
    { href: "/quan-tri/uy-quyen", label: "delegations" },
    dashboard,
    archive,
    verify,
  ],
  AUDITOR: [archive, dashboard, { href: "/van-thu/so-van-ban-di", label: "register" }, verify],
  CLERK: [{ href: "/van-thu", label: "issuance" }, { href: "/van-thu/so-van-ban-di", label: "register" }, archive, mySigning, verify],
  DEPUTY: [{ href: "/cam-ket", label: "myCommitments" }, mySigning, verify],
};

import type { Role } from "@/lib/generated/prisma/enums";

export type NavItem = { href: string; label: string };

/** The navigation each role sees; pages still check the role on the server. */
export const NAV_ITEMS: Record<Role, NavItem[]> = {
  UNIT_HEAD: [
    { href: "/cam-ket", label: "Cam kết của tôi" },
    { href: "/kiem-tra", label: "Kiểm tra chữ ký" },
  ],
  CHAIRPERSON: [
    { href: "/theo-doi", label: "Theo dõi" },
    { href: "/luu-tru", label: "Lưu trữ" },
    { href: "/kiem-tra", label: "Kiểm tra chữ ký" },
  ],
  ADMIN: [
    { href: "/quan-tri", label: "Quản trị" },
    { href: "/quan-tri/don-vi", label: "Đơn vị" },
    { href: "/quan-tri/nguoi-dung", label: "Người dùng" },
    { href: "/quan-tri/mau-cam-ket", label: "Mẫu cam kết" },
    { href: "/quan-tri/chien-dich", label: "Chiến dịch" },
    { href: "/quan-tri/chung-thu", label: "Chứng thư số" },
    { href: "/quan-tri/hop-thu", label: "Hộp thư đi" },
    { href: "/theo-doi", label: "Theo dõi" },
    { href: "/luu-tru", label: "Lưu trữ" },
    { href: "/kiem-tra", label: "Kiểm tra chữ ký" },
  ],
  AUDITOR: [
    { href: "/luu-tru", label: "Lưu trữ" },
    { href: "/theo-doi", label: "Theo dõi" },
    { href: "/kiem-tra", label: "Kiểm tra chữ ký" },
  ],
};

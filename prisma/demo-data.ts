/**
 * Phan Thiết's 30 signing units and the demo accounts, exactly as ../shared/domain/units-and-people.md
 * lists them. Head names are invented (the domain file says so); titles follow the unit's kind.
 */
import type { Role, UnitKind } from "@/lib/generated/prisma/enums";

export const DEMO_PASSWORD = "CamKet@2017";
export const DEMO_EMAIL_DOMAIN = "phanthiet.gov.vn";
export const DEMO_CAMPAIGN_NAME = "Cam kết CCHC giai đoạn 2016–2020";

export type DemoUnit = { kind: UnitKind; name: string; code: string; headName: string; headTitle: string };

const agency = (name: string, code: string, headName: string, headTitle = "Trưởng phòng"): DemoUnit => ({
  kind: "AGENCY",
  name,
  code,
  headName,
  headTitle,
});
const ward = (place: string, code: string, headName: string): DemoUnit => ({
  kind: "WARD",
  name: `Phường ${place}`,
  code,
  headName,
  headTitle: "Chủ tịch UBND phường",
});
const commune = (place: string, code: string, headName: string): DemoUnit => ({
  kind: "COMMUNE",
  name: `Xã ${place}`,
  code,
  headName,
  headTitle: "Chủ tịch UBND xã",
});

export const DEMO_UNITS: DemoUnit[] = [
  agency("Văn phòng HĐND và UBND thành phố", "VP", "Trần Minh Quang", "Chánh Văn phòng"),
  agency("Phòng Nội vụ", "NV", "Lê Thị Thu Hà"),
  agency("Phòng Tư pháp", "TP", "Nguyễn Văn Bình"),
  agency("Phòng Tài chính – Kế hoạch", "TCKH", "Phạm Thị Ngọc Lan"),
  agency("Phòng Tài nguyên và Môi trường", "TNMT", "Võ Thanh Tùng"),
  agency("Phòng Lao động – Thương binh và Xã hội", "LDTBXH", "Huỳnh Thị Mỹ Dung"),
  agency("Phòng Văn hóa và Thông tin", "VHTT", "Đặng Quốc Việt"),
  agency("Phòng Giáo dục và Đào tạo", "GDDT", "Bùi Thị Hồng Nhung"),
  agency("Phòng Y tế", "YT", "Ngô Đức Hải"),
  agency("Thanh tra thành phố", "TTR", "Đinh Công Lý", "Chánh Thanh tra"),
  agency("Phòng Kinh tế", "KT", "Trương Văn Lộc"),
  agency("Phòng Quản lý đô thị", "QLDT", "Hồ Thị Kim Oanh"),
  ward("Mũi Né", "22915", "Nguyễn Thành Nhân"),
  ward("Hàm Tiến", "22918", "Lê Văn Sơn"),
  ward("Phú Hài", "22921", "Trần Thị Bích Thủy"),
  ward("Phú Thủy", "22924", "Phan Văn Hùng"),
  ward("Phú Tài", "22927", "Mai Xuân Trường"),
  ward("Phú Trinh", "22930", "Dương Thị Hạnh"),
  ward("Xuân An", "22933", "Lý Văn Phúc"),
  ward("Thanh Hải", "22936", "Châu Minh Tâm"),
  ward("Bình Hưng", "22939", "Tạ Quang Vinh"),
  ward("Đức Nghĩa", "22942", "Vũ Thị Thanh Hương"),
  ward("Lạc Đạo", "22945", "Cao Văn Thắng"),
  ward("Đức Thắng", "22948", "Nguyễn Hữu Đức"),
  ward("Hưng Long", "22951", "Lâm Thị Diệu"),
  ward("Đức Long", "22954", "Hoàng Văn Khải"),
  commune("Thiện Nghiệp", "22957", "Tôn Thất Bảo"),
  commune("Phong Nẫm", "22960", "Kiều Văn Nghĩa"),
  commune("Tiến Lợi", "22963", "Đoàn Thị Mai"),
  commune("Tiến Thành", "22966", "Quách Văn Toàn"),
];

export type DemoStaff = { email: string; fullName: string; jobTitle: string; role: Role; unitName?: string };

export const DEMO_STAFF: DemoStaff[] = [
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    fullName: "Nguyễn Quốc Duy",
    jobTitle: "Chuyên viên Phòng Nội vụ",
    role: "ADMIN",
    unitName: "Phòng Nội vụ",
  },
  {
    email: `chutich@${DEMO_EMAIL_DOMAIN}`,
    fullName: "Đỗ Ngọc Điệp",
    jobTitle: "Chủ tịch UBND thành phố",
    role: "CHAIRPERSON",
  },
  {
    email: `kiemtoan@${DEMO_EMAIL_DOMAIN}`,
    fullName: "Phan Thị Thanh Xuân",
    jobTitle: "Kiểm toán viên",
    role: "AUDITOR",
  },
];

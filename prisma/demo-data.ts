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

/** The line above every demo body's name, and the place name in "Phan Thiết, ngày … tháng … năm …". */
export const DEMO_SUPERIOR_NAME = "UBND THÀNH PHỐ PHAN THIẾT";
export const DEMO_PLACE_NAME = "Phan Thiết";

export type DemoBody = { unitName: string; name: string; abbreviation: string };

/**
 * Each unit issues under its own body (App. I §II.2): a ward's or commune's People's Committee by its
 * full name ("ỦY BAN NHÂN DÂN PHƯỜNG MŨI NÉ", code "…-UBND"); an agency under its own name, its unit
 * code as the abbreviation ("PHÒNG NỘI VỤ", "…-NV"). The city's own body comes with the migration.
 */
export const DEMO_BODIES: DemoBody[] = DEMO_UNITS.map((u) =>
  u.kind === "AGENCY"
    ? { unitName: u.name, name: u.name.toLocaleUpperCase("vi"), abbreviation: u.code }
    : { unitName: u.name, name: `ỦY BAN NHÂN DÂN ${u.name.toLocaleUpperCase("vi")}`, abbreviation: "UBND" },
);

// Invented like the heads' names; cycled over the bodies.
const CLERK_NAMES = ["Nguyễn Thị Thanh Tâm", "Trần Văn Hòa", "Lê Thị Kim Ngân", "Phạm Minh Khoa", "Võ Thị Ánh Tuyết", "Đặng Văn Tín"];

/** One clerk (văn thư) per body: vanthu@ for the city's, vanthu.<unit code>@ for each unit's. */
export const DEMO_CLERKS: (DemoStaff & { bodyName: string | null })[] = [
  {
    email: `vanthu@${DEMO_EMAIL_DOMAIN}`,
    fullName: "Huỳnh Thị Bảo Trâm",
    jobTitle: "Văn thư UBND thành phố",
    role: "CLERK",
    bodyName: null, // the city body
  },
  ...DEMO_UNITS.map((u, i) => ({
    email: `vanthu.${u.code.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
    fullName: CLERK_NAMES[i % CLERK_NAMES.length]!,
    jobTitle: u.kind === "AGENCY" ? `Văn thư ${u.name}` : u.kind === "WARD" ? "Văn thư UBND phường" : "Văn thư UBND xã",
    role: "CLERK" as const,
    bodyName: DEMO_BODIES[i]!.name,
  })),
];

/** Deputies who may sign on a principal's behalf once the admin grants a delegation. */
export const DEMO_DEPUTIES: DemoStaff[] = [
  { email: `phochutich@${DEMO_EMAIL_DOMAIN}`, fullName: "Lê Văn Phước", jobTitle: "Phó Chủ tịch UBND thành phố", role: "DEPUTY" },
  {
    email: `pho.22948@${DEMO_EMAIL_DOMAIN}`,
    fullName: "Trần Quốc Thái",
    jobTitle: "Phó Chủ tịch UBND phường",
    role: "DEPUTY",
    unitName: "Phường Đức Thắng",
  },
];

/** "Nơi nhận" of the demo campaign (App. I ô 9b); the document adds the dashes and "Lưu: VT, …". */
export const DEMO_RECIPIENTS = ["UBND tỉnh Bình Thuận (để b/c);", "Chủ tịch, các Phó Chủ tịch UBND thành phố;", "Phòng Nội vụ;"];

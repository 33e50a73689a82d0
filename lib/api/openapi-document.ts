import { DOCUMENT_KINDS } from "@/lib/assignments/document-file-name";
import { API_SCOPES } from "@/lib/api-tokens/api-scopes";
import { PROBLEM_BASE, PROBLEM_TYPES } from "./problem-response";

const error = { $ref: "#/components/responses/Problem" };
const idParam = (description: string) => ({ name: "id", in: "path", required: true, description, schema: { type: "string", format: "uuid" } });
const errors = { 401: error, 403: error, 404: error };
const writeErrors = { 400: error, 401: error, 403: error, 409: error, 422: error };
const externalIdParam = { name: "externalId", in: "path", required: true, description: "Mã trong hệ thống nhân sự / danh bạ tỉnh", schema: { type: "string", pattern: "^[\\w.:-]{1,100}$" } };
const json = (schema: object) => ({ "application/json": { schema } });
const syncResult = (description: string) => ({ description, content: json({ $ref: "#/components/schemas/SyncResult" }) });

/** OpenAPI 3.1 description of the read-only API, served at /api/v1/openapi.json. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "camket — API cho kiểm toán và hệ thống quản lý văn bản",
    version: "1.0.0",
    description:
      "Đọc chiến dịch, trạng thái ký, PDF đã lưu và bộ lưu trữ. Xác thực bằng khóa API cá nhân (tạo ở trang Lưu trữ): " +
      "`Authorization: Bearer camket_…`. Chỉ tài khoản Kiểm toán, Chủ tịch, Quản trị. Mỗi khóa có phạm vi " +
      `(${API_SCOPES.join(", ")}); mỗi thao tác ghi (các) phạm vi chấp nhận ở \`x-camket-scopes\`, thiếu thì 403 \`insufficient-scope\`. ` +
      "Lỗi trả về `application/problem+json` (RFC 9457) với `type`, `title`, `status`, `detail`.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }],
  paths: {
    "/campaigns": {
      get: {
        "x-camket-scopes": ["read"],
        summary: "Danh sách chiến dịch đã phát động",
        responses: { 200: { description: "Các chiến dịch", content: { "application/json": { schema: { type: "object", properties: { campaigns: { type: "array", items: { $ref: "#/components/schemas/Campaign" } } } } } } }, 401: error, 403: error },
      },
      post: {
        "x-camket-scopes": ["write-campaigns"],
        summary: "Tạo chiến dịch nháp (như biểu mẫu của quản trị); phát động bằng /campaigns/{id}/launch",
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/CampaignCreate" }) },
        responses: {
          201: { description: "Đã tạo; Location trỏ tới trạng thái", content: json({ type: "object", required: ["id", "status"], properties: { id: { type: "string", format: "uuid" }, status: { const: "DRAFT" } } }) },
          ...writeErrors,
        },
      },
    },
    "/campaigns/{id}/launch": {
      post: {
        "x-camket-scopes": ["write-campaigns"],
        summary: "Phát động chiến dịch nháp: tạo bản cam kết cho từng đơn vị và báo người đứng đầu",
        parameters: [idParam("Mã chiến dịch")],
        responses: { 200: { description: "Đã phát động", content: json({ type: "object", required: ["id", "status"], properties: { id: { type: "string", format: "uuid" }, status: { const: "LAUNCHED" } } }) }, ...writeErrors, 404: error },
      },
    },
    "/assignments/{id}/receipt": {
      post: {
        "x-camket-scopes": ["issue"],
        summary: "Hệ thống quản lý văn bản xác nhận đã nhận văn bản đã ban hành (lần đầu: 201; gửi lại: 200, giữ lần đầu)",
        parameters: [idParam("Mã bản cam kết")],
        requestBody: { required: false, content: json({ type: "object", additionalProperties: false, properties: { reference: { type: "string", maxLength: 100, description: "Số/ký hiệu tiếp nhận của hệ thống nhận" } } }) },
        responses: { 200: { description: "Đã xác nhận trước đó", content: json({ $ref: "#/components/schemas/Receipt" }) }, 201: { description: "Đã ghi nhận", content: json({ $ref: "#/components/schemas/Receipt" }) }, ...writeErrors, 404: error },
      },
    },
    "/units/{externalId}": {
      put: {
        "x-camket-scopes": ["write-units"],
        summary: "Đồng bộ một đơn vị theo mã ngoài (tạo hoặc cập nhật; gửi lại y nguyên thì không đổi gì, không ghi nhật ký)",
        parameters: [externalIdParam],
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/UnitSync" }) },
        responses: { 200: syncResult("Đã cập nhật hoặc không có gì thay đổi (changed)"), 201: syncResult("Đã tạo"), ...writeErrors },
      },
    },
    "/users/{externalId}": {
      put: {
        "x-camket-scopes": ["write-units"],
        summary: "Đồng bộ một người theo mã ngoài; tài khoản mới không có mật khẩu dùng được (đăng nhập qua cổng định danh)",
        parameters: [externalIdParam],
        requestBody: { required: true, content: json({ $ref: "#/components/schemas/UserSync" }) },
        responses: { 200: syncResult("Đã cập nhật hoặc không có gì thay đổi (changed)"), 201: syncResult("Đã tạo"), ...writeErrors },
      },
    },
    "/campaigns/{id}/status": {
      get: {
        "x-camket-scopes": ["read"],
        summary: "Trạng thái ký của từng đơn vị trong chiến dịch",
        parameters: [idParam("Mã chiến dịch")],
        responses: { 200: { description: "Trạng thái", content: { "application/json": { schema: { $ref: "#/components/schemas/CampaignStatus" } } } }, ...errors },
      },
    },
    "/campaigns/{id}/archive.zip": {
      get: {
        "x-camket-scopes": ["read"],
        summary: "Bộ lưu trữ ZIP của chiến dịch (truyền dần, không có Content-Length)",
        parameters: [idParam("Mã chiến dịch")],
        responses: {
          200: {
            description: "ZIP: manifest.json, SHA256SUMS, audit-log.jsonl, city-ca.pem, HUONG-DAN-KIEM-TRA.txt, pdf/",
            headers: {
              "X-Archive-Bytes": { description: "Kích thước chính xác của tệp ZIP (byte), biết trước khi gửi", schema: { type: "integer" } },
              "X-Archive-Documents": { description: "Số tệp PDF trong bộ lưu trữ", schema: { type: "integer" } },
            },
            content: { "application/zip": { schema: { type: "string", contentMediaType: "application/zip" } } },
          },
          ...errors,
        },
      },
    },
    "/assignments/{id}/pdf": {
      get: {
        "x-camket-scopes": ["read", "issue"],
        summary: "Một phiên bản PDF đã lưu của bản cam kết (mặc định: mới nhất; ISSUED: bản đã ban hành cho hệ thống quản lý văn bản)",
        parameters: [idParam("Mã bản cam kết"), { name: "version", in: "query", required: false, schema: { type: "string", enum: DOCUMENT_KINDS } }],
        responses: { 200: { description: "Đúng các byte đã lưu; tiêu đề X-Content-SHA256", content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } }, 400: error, ...errors },
      },
    },
    "/assignments/{id}/validation-report": {
      get: {
        "x-camket-scopes": ["read", "issue"],
        summary: "Báo cáo xác minh chữ ký số (PDF, tiếng Việt) của phiên bản hiện hành: người ký, chứng thư, thời điểm, mã băm, nhật ký",
        parameters: [idParam("Mã bản cam kết")],
        responses: { 200: { description: "Báo cáo PDF; tải về được ghi nhật ký", content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } }, ...errors },
      },
    },
  },
  components: {
    securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "Khóa API cá nhân camket_…" } },
    responses: { Problem: { description: "Lỗi (RFC 9457)", content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } } },
    schemas: {
      Receipt: {
        type: "object",
        required: ["numberAndCode", "issuedAt", "receivedAt", "reference"],
        properties: {
          numberAndCode: { type: "string", examples: ["05/CK-UBND"] },
          issuedAt: { type: "string", format: "date-time" },
          receivedAt: { type: "string", format: "date-time" },
          reference: { type: ["string", "null"] },
        },
      },
      SyncResult: {
        type: "object",
        required: ["id", "externalId", "changed"],
        properties: { id: { type: "string", format: "uuid" }, externalId: { type: "string" }, changed: { type: "boolean" } },
      },
      UnitSync: {
        type: "object",
        additionalProperties: false,
        required: ["name", "kind", "code"],
        properties: {
          name: { type: "string", maxLength: 150 },
          kind: { type: "string", enum: ["AGENCY", "WARD", "COMMUNE"] },
          code: { type: "string", pattern: "^[A-Za-z0-9-]{1,20}$" },
          issuingBodyId: { type: ["string", "null"], format: "uuid" },
        },
      },
      UserSync: {
        type: "object",
        additionalProperties: false,
        required: ["email", "fullName", "jobTitle", "role"],
        properties: {
          email: { type: "string", format: "email" },
          fullName: { type: "string", maxLength: 120 },
          jobTitle: { type: "string", maxLength: 120 },
          role: { type: "string", enum: ["ADMIN", "CHAIRPERSON", "UNIT_HEAD", "AUDITOR", "CLERK", "DEPUTY"] },
          unitExternalId: { type: ["string", "null"], description: "Đơn vị theo mã ngoài (PUT /units/{externalId})" },
          issuingBodyId: { type: ["string", "null"], format: "uuid", description: "Bắt buộc với văn thư" },
          active: { type: "boolean", default: true },
        },
      },
      CampaignCreate: {
        type: "object",
        additionalProperties: false,
        required: ["name", "templateVersionId", "unitSelection", "deadline", "documentDate"],
        properties: {
          name: { type: "string", maxLength: 200 },
          templateVersionId: { type: "string", format: "uuid", description: "Phiên bản mẫu đã công bố" },
          unitSelection: {
            oneOf: [
              { type: "object", required: ["mode"], properties: { mode: { const: "ALL" } } },
              { type: "object", required: ["mode", "kinds"], properties: { mode: { const: "KINDS" }, kinds: { type: "array", items: { type: "string", enum: ["AGENCY", "WARD", "COMMUNE"] }, minItems: 1 } } },
              { type: "object", required: ["mode", "unitIds"], properties: { mode: { const: "UNITS" }, unitIds: { type: "array", items: { type: "string", format: "uuid" }, minItems: 1 } } },
            ],
          },
          deadline: { type: "string", format: "date", description: "Hạn ký (hết ngày, giờ Việt Nam)" },
          documentDate: { type: "string", format: "date" },
          recipients: { type: "array", items: { type: "string" }, maxItems: 15 },
          documentTypeCode: { type: "string", pattern: "^[A-Za-z]{1,10}$", default: "CK" },
        },
      },
      Problem: {
        type: "object",
        required: ["type", "title", "status", "detail"],
        properties: {
          type: { type: "string", format: "uri", enum: Object.keys(PROBLEM_TYPES).map((type) => `${PROBLEM_BASE}${type}`) },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          scope: { type: "string", description: "Với insufficient-scope: (các) phạm vi thao tác chấp nhận, cách nhau bằng dấu cách." },
          errors: {
            type: "array",
            description: "Với validation: từng trường sai, theo JSON Pointer của nội dung gửi lên",
            items: { type: "object", required: ["pointer", "detail"], properties: { pointer: { type: "string" }, detail: { type: "string" } } },
          },
        },
      },
      Campaign: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string" },
          status: { type: "string", enum: ["LAUNCHED", "CLOSED"] },
          deadline: { type: "string", format: "date-time" },
          launchedAt: { type: ["string", "null"], format: "date-time" },
          total: { type: "integer" },
          signed: { type: "integer" },
          completed: { type: "integer" },
        },
      },
      CampaignStatus: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          name: { type: "string" },
          counts: { type: "object", additionalProperties: { type: "integer" } },
          assignments: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string", format: "uuid" },
                status: { type: "string", enum: ["PENDING", "VIEWED", "SIGNED", "COMPLETED", "ISSUED", "DECLINED"] },
                headName: { type: "string" },
                documentSha256: { type: "string" },
                unit: { type: "object", properties: { name: { type: "string" }, code: { type: "string" }, kind: { type: "string" } } },
                documents: { type: "array", items: { type: "object", properties: { kind: { type: "string", enum: DOCUMENT_KINDS }, sha256: { type: "string" } } } },
                issuance: {
                  description: "Sổ văn bản đi: số, ký hiệu, ngày ban hành và cơ quan ban hành (Nghị định 30/2020); null khi chưa ban hành.",
                  type: ["object", "null"],
                  properties: {
                    numberAndCode: { type: "string", examples: ["05/CK-UBND"] },
                    number: { type: "integer" },
                    code: { type: "string" },
                    issuedAt: { type: "string", format: "date-time" },
                    issuingBody: { type: "string" },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

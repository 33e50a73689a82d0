/**
 * `npm run agent -- --module <pkcs11.so|.dll|.dylib> --origin https://camket.example [--port 17890] [--slot N]
 * [--pin-prompt page|terminal] [--pair] [--timeout 120] [--state-file <path>|--no-state-file]`: the local
 * signing agent a camket page talks to (docs/signing-agent-protocol.md).
 */
import { parseArgs } from "node:util";
import { createAgentServer } from "./http-server";
import { defaultStateFile, Pairing } from "./pairing";
import { Pkcs11Token } from "./pkcs11-token";
import { createTerminalPinPrompt } from "./terminal-pin";

const USAGE = `Cách dùng: npm run agent -- --module <đường dẫn thư viện PKCS#11 của token> --origin <địa chỉ camket>
  --port N            cổng trên 127.0.0.1 (mặc định 17890)
  --slot N            chỉ dùng khe (slot) N của token
  --pin-prompt P      "page" (mặc định: nhập PIN ở cửa sổ của chương trình ký) hoặc "terminal"
  --pair              cấp mã ghép nối mới dù đã ghép nối trước đó
  --timeout S         số giây chờ nhập PIN cho mỗi yêu cầu ký (mặc định 120)
  --state-file F      nơi lưu mã ghép nối (mặc định ${defaultStateFile()})
  --no-state-file     chỉ giữ ghép nối trong bộ nhớ`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      module: { type: "string" },
      origin: { type: "string" },
      port: { type: "string", default: "17890" },
      slot: { type: "string" },
      "pin-prompt": { type: "string", default: "page" },
      pair: { type: "boolean", default: false },
      timeout: { type: "string", default: "120" },
      "state-file": { type: "string" },
      "no-state-file": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.module) fail("Thiếu --module.");
if (!values.origin) fail("Thiếu --origin.");
let origin: string;
try {
  origin = new URL(values.origin).origin;
} catch {
  fail(`--origin không phải địa chỉ hợp lệ: ${values.origin}`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port phải là số cổng.");
const slot = values.slot === undefined ? undefined : Number(values.slot);
if (slot !== undefined && !Number.isInteger(slot)) fail("--slot phải là số.");
const timeout = Number(values.timeout);
if (!(timeout >= 5 && timeout <= 900)) fail("--timeout phải từ 5 đến 900 giây.");
if (values["pin-prompt"] !== "page" && values["pin-prompt"] !== "terminal") fail('--pin-prompt là "page" hoặc "terminal".');

let token: Pkcs11Token;
try {
  token = new Pkcs11Token({ modulePath: values.module, slot });
} catch (error) {
  console.error(`Không nạp được thư viện PKCS#11 ${values.module}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const pairing = new Pairing({ origin, stateFile: values["no-state-file"] ? null : (values["state-file"] ?? defaultStateFile()) });
const agent = createAgentServer({
  token,
  origin,
  pairing,
  approvalTimeoutMs: timeout * 1000,
  terminalPin: values["pin-prompt"] === "terminal" ? createTerminalPinPrompt() : undefined,
  log: (line) => console.log(`[${new Date().toLocaleTimeString("vi-VN")}] ${line}`),
});
const listening = await agent.listen(port).catch((error: unknown) => {
  console.error(`Không mở được cổng ${port} trên 127.0.0.1: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(`Chương trình ký camket đang chạy ở http://127.0.0.1:${listening} cho ${origin}.`);
try {
  const certificates = token.listCertificates();
  console.log(certificates.length ? `Chứng thư số trên token: ${certificates.map((certificate) => certificate.label).join(", ")}` : "Chưa thấy chứng thư số nào trên token.");
} catch (error) {
  console.log(`Chưa đọc được token: ${error instanceof Error ? error.message : String(error)}`);
}
if (!pairing.paired || values.pair) {
  console.log(`\nMã ghép nối: ${pairing.newCode()}\nNhập mã này ở trang camket khi được hỏi (dùng được một lần).\n`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void agent.close().then(() => process.exit(0));
  });
}

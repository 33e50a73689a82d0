import { describe, expect, it } from "vitest";
import { createActor, createTestUser } from "@/lib/test/factories";
import { saveUser } from "@/lib/users/save-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { passwordProblem } from "./password-policy";

const person = { email: "nguyen.huu.duc@phanthiet.gov.vn", fullName: "Nguyễn Hữu Đức" };

describe("the password policy", () => {
  it("refuses short, repetitive, common, sequential and personal passwords", () => {
    expect(passwordProblem("aaaaaaaa")).toBe("tooShort");
    expect(passwordProblem("password")).toBe("tooShort");
    expect(passwordProblem(" ".repeat(8))).toBe("tooShort");
    expect(passwordProblem(" ".repeat(12))).toBe("tooSimple");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("tooSimple");
    expect(passwordProblem("abcabcabcabc")).toBe("tooSimple");
    expect(passwordProblem("Password@2024")).toBe("common");
    expect(passwordProblem("MậtKhẩu@123456")).toBe("common");
    expect(passwordProblem("123456789012")).toBe("common");
    expect(passwordProblem("qwertyuiop12")).toBe("common");
    expect(passwordProblem("anhyeuem123456")).toBe("common");
    expect(passwordProblem(person.email, person)).toBe("personal");
    expect(passwordProblem("NguyenHuuDuc#2026", person)).toBe("personal");
    expect(passwordProblem("xin chào anh Nguyễn 2026", person)).toBe("personal");
    expect(passwordProblem("phong-ky-thuat-88", person)).toBeNull();
  });

  it("accepts a passphrase and a random password", () => {
    expect(passwordProblem("con mèo trèo cây cau", person)).toBeNull();
    expect(passwordProblem("vT7#qLp2!xZ9", person)).toBeNull();
  });

  it("is applied, with a clear message by field, when an admin creates an account or resets a password", async () => {
    const admin = await createActor("ADMIN");
    const base = { email: `tran.thi.hoa.${Date.now()}@phanthiet.gov.vn`, fullName: "Trần Thị Hoa", jobTitle: "Kiểm toán viên", role: "AUDITOR" };
    const refused = async (password: string) => (await saveUser(admin, { ...base, password })).fieldErrors?.password;
    expect(await refused("aaaaaaaa")).toEqual(["Mật khẩu phải có ít nhất 12 ký tự (một câu ngắn gồm vài từ là đủ)"]);
    expect(await refused(" ".repeat(12))).toEqual(["Mật khẩu quá đơn giản: cần ít nhất 5 ký tự khác nhau, không chỉ là khoảng trắng"]);
    expect(await refused("password1234")).toEqual(["Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác"]);
    expect(await refused(base.email)).toEqual(["Mật khẩu không được chứa họ tên hoặc email của người dùng"]);
    expect((await saveUser(admin, { ...base, password: "con mèo trèo cây cau" })).ok).toBe(true);

    const user = await createTestUser();
    const english = { ...admin, locale: "en" as const };
    const reset = await resetUserPassword(english, user.id, { password: user.email, confirm: user.email });
    expect(reset.fieldErrors?.password).toEqual(["The password must not contain the user's name or email"]);
    const common = await resetUserPassword(english, user.id, { password: "Password@2024", confirm: "Password@2024" });
    expect(common.fieldErrors?.password).toEqual(["This password is too common and easy to guess; choose another one"]);
  });
});

/**
 * Passwords (and password stems) that top every leaked-password list, plus the Vietnamese favourites.
 * Compared lower-case and without diacritics, both whole and with leading/trailing digits and symbols
 * stripped, so "Password@2024" and "MatKhau@123456" are refused as "password" and "matkhau".
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `
password passw0rd p@ssword p@ssw0rd pass passwd password1 passwords pwd secret secreto
admin administrator admin123 root toor superuser supervisor manager master webmaster sysadmin system
user guest test tester testing demo default welcome welcome1 changeme letmein login logon access
qwerty qwertyuiop qwertyui qwert asdf asdfgh asdfghjkl zxcvbnm zxcvbn qazwsx qazwsxedc 1qaz2wsx 1q2w3e4r 1q2w3e
abc abcd abcde abcdef abcdefg abcdefgh abc123 abcd1234 a1b2c3 aaaaaa aa bb
iloveyou iloveu loveyou lovely love lover loving princess prince angel angels baby babygirl babyboy
sunshine shadow monkey dragon football baseball basketball soccer hockey golf tennis
michael jennifer jordan hunter ranger buster thomas robert charlie daniel jessica ashley michelle
superman batman spiderman starwars pokemon naruto killer trustno1 whatever freedom nothing
cookie cheese chocolate banana orange apple flower summer winter autumn spring
computer internet google facebook youtube yahoo hotmail gmail samsung iphone nokia microsoft windows
hello hello123 hi hey friend friends family mother father mommy daddy sister brother
money dollar rich lucky luck happy smile single forever always together
matrix matkhau mat-khau matkhaumoi matkhau123 matkhaucuatoi doimatkhau quantri quantrivien
anhyeuem emyeuanh yeuem yeuanh anhyeu emyeu iuanh iuem yeuemnhieu anhnhoem emnhoanh
vietnam vietnam123 vietnamese saigon hanoi danang haiphong hue cantho phanthiet binhthuan muine
ubnd ubndtp ubndphuong ubndxa chutich phochutich hochiminh bacho
toilaai toiyeuem toiyeuvietnam khongbiet khongco matkhauvietnam xinchao chaoban
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
conmeo concho meomeo gaucon heocon thienthan congchua hoangtu
123 1234 12345 123456 1234567 12345678 123456789 1234567890 12345678910 123123 123321 321321
111111 000000 654321 987654321 0987654321 112233 121212 123abc 123qwe qwe123 zaq12wsx
696969 666666 888888 999999 777777 555555 159753 147258369 741852963 147852369 789456123 456789
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Rows of the keyboard and the digits, forwards: a password that is a piece of one is a sequence. */
export const KEYBOARD_RUNS = ["01234567890123456789", "qwertyuiopasdfghjklzxcvbnm", "qazwsxedcrfvtgbyhnujmikolp", "abcdefghijklmnopqrstuvwxyz"];

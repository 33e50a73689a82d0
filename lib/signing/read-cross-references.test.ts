import { describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import { readXrefStream } from "./read-cross-references";

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("readXrefStream", () => {
  const rows = [
    [0, 0, 0, 0xff],
    [1, 0x01, 0x2c, 0],
    [2, 0x00, 0x07, 3],
  ];

  it("reads plain rows over several /Index ranges", () => {
    const data = latin1(deflateSync(Buffer.from(rows.flat())));
    expect(readXrefStream(new Map([["W", "[ 1 2 1 ]"], ["Index", "[ 0 1 5 2 ]"], ["Filter", "/FlateDecode"]]), data)).toEqual([
      { number: 0, type: 0, field2: 0 },
      { number: 5, type: 1, field2: 300 },
      { number: 6, type: 2, field2: 7 },
    ]);
  });

  it("undoes the PNG Up predictor writers use", () => {
    const predicted = rows.flatMap((row, r) => [2, ...row.map((byte, c) => (byte - (r > 0 ? rows[r - 1]![c]! : 0)) & 0xff)]);
    const entries = new Map([["W", "[ 1 2 1 ]"], ["Size", "3"], ["Filter", "/FlateDecode"], ["DecodeParms", "<< /Predictor 12 /Columns 4 >>"]]);
    expect(readXrefStream(entries, latin1(deflateSync(Buffer.from(predicted))))?.map((row) => row.field2)).toEqual([0, 300, 7]);
  });

  it("refuses what it cannot read rather than guessing", () => {
    expect(readXrefStream(new Map([["W", "[ 1 2 ]"], ["Size", "1"]]), "xxxx")).toBeUndefined();
    expect(readXrefStream(new Map([["W", "[ 1 2 1 ]"], ["Size", "1"], ["Filter", "/LZWDecode"]]), "xxxx")).toBeUndefined();
    expect(readXrefStream(new Map([["W", "[ 1 2 1 ]"], ["Size", "5"], ["Filter", "/FlateDecode"]]), "not flate")).toBeUndefined();
    expect(readXrefStream(new Map([["W", "[ 1 2 1 ]"], ["Size", "9999999"]]), "")).toBeUndefined();
  });
});

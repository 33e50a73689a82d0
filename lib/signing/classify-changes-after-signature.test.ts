import { beforeAll, describe, expect, it } from "vitest";
import { deflateSync } from "node:zlib";
import { PDFHexString, PDFName, PDFNumber, rgb } from "@cantoo/pdf-lib";
import { signPdf } from "./sign-pdf";
import { readPdfSignatures } from "./read-pdf-signatures";
import { changesAfterSignature } from "./classify-changes-after-signature";
import { indexPdfObjects } from "./scan-pdf-objects";
import { createSamplePdf } from "./testing/sample-pdf";
import { createTestPki, type TestPki } from "./testing/test-pki";
import { countersignOptions, headSignOptions } from "./testing/sign-fixtures";
import { appendUpdate } from "./testing/append-update";

let pki: TestPki;
let signed: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  signed = await signPdf(headSignOptions(pki, await createSamplePdf()));
});

/** What the updates after the signature that ends at `signedEnd` changed. */
function changesAfter(pdf: Uint8Array, signedEnd = signed.length) {
  const never = (): never => {
    throw new Error("too complex");
  };
  return changesAfterSignature(indexPdfObjects(new TextDecoder("latin1").decode(pdf), () => {}, never), signedEnd, () => {});
}

describe("what was added after a signature", () => {
  it("a countersignature (new field, widget, appearance; page /Annots and AcroForm updated) is allowed", async () => {
    const countersigned = await signPdf(countersignOptions(pki, signed));
    expect(changesAfter(countersigned)).toEqual({ allowed: ["signature"], disallowed: [] });
    const [head, chair] = await readPdfSignatures(countersigned);
    expect(head).toMatchObject({ coversWholeFile: false, changesAfter: { allowed: ["signature"], disallowed: [] } });
    expect(chair).toMatchObject({ coversWholeFile: true, changesAfter: { allowed: [], disallowed: [] } });
  });

  it("a rectangle drawn over page 1 is a disallowed page-content change", async () => {
    const drawn = await appendUpdate(signed, (doc) => {
      doc.getPage(0).drawRectangle({ x: 80, y: 600, width: 400, height: 120, color: rgb(1, 1, 1) });
    });
    expect(changesAfter(drawn).disallowed).toContain("page-content");
    const [head] = await readPdfSignatures(drawn);
    expect(head).toMatchObject({ valid: true, coversWholeFile: false });
    expect(head!.changesAfter.disallowed).toContain("page-content");
  });

  it("a graphics-state restore slipped between the page's content streams is a content change", async () => {
    // A page with several content streams: pdf-lib appends one (wrapped in q/Q streams) when drawing on a loaded page.
    const drawnOn = await appendUpdate(await createSamplePdf(), (doc) => doc.getPage(0).drawText("Ban sao", { x: 80, y: 780, size: 8 }));
    const countersigned = await signPdf(countersignOptions(pki, await signPdf(headSignOptions(pki, drawnOn))));
    const text = new TextDecoder("latin1").decode(countersigned);
    const [, page, list] = [...text.matchAll(/\n(\d+) 0 obj\n<<\s*\/Type \/Page\s[\s\S]*?\/Contents \[ ([^\]]*)\]/g)].at(-1)!;
    const body = /\n\d+ 0 obj\n(<<\s*\/Type \/Page\s[\s\S]*?)\nendobj/.exec(text.slice(text.lastIndexOf(`\n${page} 0 obj\n`)))![1]!;
    const refs = list!.trim().split(/ (?=\d+ 0 R)/);
    const wedged = [...refs.slice(0, 2), "900 0 R", ...refs.slice(2)].join(" ");
    const update = `\n900 0 obj\n<< /Length 2 >>\nstream\nQ\nendstream\nendobj\n${page} 0 obj\n${body.replace(list!, `${wedged} `)}\nendobj\n%%EOF\n`;
    expect(changesAfter(new Uint8Array(Buffer.concat([countersigned, new TextEncoder().encode(update)])), countersigned.length).disallowed).toEqual(["page-content"]);
  });

  it("an annotation added to page 1 is disallowed", async () => {
    const annotated = await appendUpdate(signed, (doc) => {
      const note = doc.context.register(
        doc.context.obj({ Type: "Annot", Subtype: "Square", Rect: [80, 600, 480, 720], C: [1, 0, 0], Contents: PDFHexString.fromText("Đã duyệt") }),
      );
      doc.getPage(0).node.addAnnot(note);
    });
    expect(changesAfter(annotated)).toEqual({ allowed: [], disallowed: ["annotation"] });
  });

  it("a form field added after signing is disallowed", async () => {
    const withField = await appendUpdate(signed, (doc) => {
      doc.getForm().createTextField("GhiChu").addToPage(doc.getPage(0), { x: 80, y: 600, width: 200, height: 20 });
    });
    expect(changesAfter(withField).disallowed).toContain("form");
  });

  it("a page added after signing is disallowed", async () => {
    const longer = await appendUpdate(signed, (doc) => {
      doc.addPage();
    });
    expect(changesAfter(longer).disallowed).toContain("pages");
  });

  it("DSS validation data added to the catalog is allowed", async () => {
    const withDss = await appendUpdate(signed, (doc) => {
      const cert = doc.context.register(doc.context.stream(pki.head.certificate.certDer));
      const dss = doc.context.register(doc.context.obj({ Certs: [cert] }));
      doc.catalog.set(PDFName.of("DSS"), dss);
    });
    expect(changesAfter(withDss)).toEqual({ allowed: ["dss"], disallowed: [] });
  });

  it("a document timestamp (a signature field whose value is a /DocTimeStamp) is allowed", async () => {
    const stamped = await appendUpdate(signed, (doc) => {
      const context = doc.context;
      const stamp = context.register(
        // Only the classification is under test: a byte range that reaches past the update, as a real one does.
        context.obj({ Type: "DocTimeStamp", Filter: "Adobe.PPKLite", SubFilter: "ETSI.RFC3161", ByteRange: [0, 10, 20, 99_999_999], Contents: PDFHexString.of("00") }),
      );
      const widget = context.register(
        context.obj({ Type: "Annot", Subtype: "Widget", FT: "Sig", T: PDFHexString.fromText("DauThoiGian"), V: stamp, Rect: [0, 0, 0, 0], P: doc.getPage(0).ref }),
      );
      doc.getPage(0).node.addAnnot(widget);
      doc.catalog.getOrCreateAcroForm().addField(widget);
    });
    expect(changesAfter(stamped)).toEqual({ allowed: ["timestamp"], disallowed: [] });
  });

  it("a new signature field whose value is a copy of the earlier signature (its widget drawing over the page) is not a later signature", async () => {
    const [original] = await readPdfSignatures(signed);
    const forged = await appendUpdate(signed, (doc) => {
      const context = doc.context;
      const copy = context.register(context.obj({ Type: "Sig", ByteRange: original!.byteRange.map((n) => PDFNumber.of(n)) }));
      const cover = context.register(context.stream("1 1 1 rg 0 0 400 120 re f", { Type: "XObject", Subtype: "Form", BBox: [0, 0, 400, 120] }));
      const widget = context.register(
        context.obj({ Type: "Annot", Subtype: "Widget", FT: "Sig", T: PDFHexString.fromText("Che"), V: copy, Rect: [80, 600, 480, 720], AP: { N: cover } }),
      );
      doc.getPage(0).node.addAnnot(widget);
      doc.catalog.getOrCreateAcroForm().addField(widget);
    });
    const found = changesAfter(forged);
    expect(found.allowed).toEqual([]);
    expect(found.disallowed).toEqual(expect.arrayContaining(["form"]));
    expect(await readPdfSignatures(forged)).toHaveLength(1);
  });

  it("rewriting the signature's own dictionary is disallowed", async () => {
    const [head] = await readPdfSignatures(signed);
    const text = new TextDecoder("latin1").decode(signed);
    const header = /(\d+) 0 obj\s*<<\s*\/Type \/Sig/.exec(text)!;
    const rewritten = new TextEncoder().encode(
      `\n${header[1]} 0 obj\n<< /Type /Sig /ByteRange [${head!.byteRange.join(" ")}] /Reason (Khác) >>\nendobj\n%%EOF\n`,
    );
    expect(changesAfter(new Uint8Array([...signed, ...rewritten])).disallowed).toContain("signature-altered");
  });

  it("a signature dictionary repeated under a new object number counts once, and the drawing still shows", async () => {
    const [original] = await readPdfSignatures(signed);
    const [, length1, start2] = original!.byteRange as [number, number, number, number];
    const contentsHex = new TextDecoder("latin1").decode(signed.subarray(length1 + 1, start2 - 1));
    const duplicated = await appendUpdate(signed, (doc) => {
      const context = doc.context;
      const copy = context.obj({
        Type: "Sig",
        Filter: "Adobe.PPKLite",
        SubFilter: "ETSI.CAdES.detached",
        ByteRange: original!.byteRange.map((n) => PDFNumber.of(n)),
        Contents: PDFHexString.of(contentsHex),
      });
      context.register(copy);
      doc.getPage(0).drawText("DA SUA", { x: 100, y: 650, size: 40, color: rgb(1, 0, 0) });
    });
    const signatures = await readPdfSignatures(duplicated);
    expect(signatures).toHaveLength(1);
    expect(signatures[0]).toMatchObject({ valid: true, coversWholeFile: false });
    expect(signatures[0]!.changesAfter.disallowed).toContain("page-content");
  });

  it("an update that frees (deletes) an existing object is disallowed", async () => {
    const text = new TextDecoder("latin1").decode(signed);
    const contents = /\/Contents \[ (\d+) 0 R/.exec(text)![1];
    const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
    const update = `\nxref\n0 1\n0000000000 65535 f \n${contents} 1\n0000000000 00001 f \ntrailer\n<< /Size 99 /Root ${root} >>\nstartxref\n0\n%%EOF\n`;
    expect(changesAfter(new Uint8Array([...signed, ...new TextEncoder().encode(update)])).disallowed).toEqual(["removed"]);
  });

  it("an object kept in a compressed object stream and redefined after signing is still compared", async () => {
    // pdf-lib's default save (the sample's) puts the page font's dictionary into an object stream.
    const font = /\/Tinos-Regular-\d+ (\d+) 0 R/.exec(new TextDecoder("latin1").decode(signed))![1];
    const update = `\n${font} 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n%%EOF\n`;
    expect(changesAfter(new Uint8Array(Buffer.concat([signed, new TextEncoder().encode(update)]))).disallowed).toEqual(["page-content"]);
  });

  it("document information (the signing tool's name, a modification date) may be updated; turning it into something else may not", async () => {
    const text = new TextDecoder("latin1").decode(signed);
    const info = [...text.matchAll(/\/Info (\d+) 0 R/g)].at(-1)![1];
    const update = `\n${info} 0 obj\n<< /Producer (Trình ký camket) /ModDate (D:20261203090000Z) >>\nendobj\n%%EOF\n`;
    expect(changesAfter(new Uint8Array(Buffer.concat([signed, new TextEncoder().encode(update)])))).toEqual({ allowed: [], disallowed: [] });
    const array = `\n${info} 0 obj\n[ 1 0 R ]\nendobj\n%%EOF\n`;
    expect(changesAfter(new Uint8Array(Buffer.concat([signed, new TextEncoder().encode(array)]))).disallowed).toEqual(["other"]);
  });

  it("an update whose cross-reference table points an object back at its version from before the signature is disallowed", async () => {
    const text = new TextDecoder("latin1").decode(signed);
    const page = /\n(\d+) 0 obj\n<<\n\/Type \/Page\n/.exec(text)!;
    const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
    const offset = String(page.index + 1).padStart(10, "0");
    const update = `\nxref\n0 1\n0000000000 65535 f \n${page[1]} 1\n${offset} 00000 n \ntrailer\n<< /Size 99 /Root ${root} >>\nstartxref\n0\n%%EOF\n`;
    expect(changesAfter(new Uint8Array(Buffer.concat([signed, new TextEncoder().encode(update)]))).disallowed).toEqual(["other"]);
  });

  it("an update written with an object stream and a cross-reference stream is compared the same way", async () => {
    const drawn = await appendUpdate(signed, (doc) => doc.getPage(0).drawRectangle({ x: 80, y: 600, width: 400, height: 120 }), true);
    expect(new TextDecoder("latin1").decode(drawn.subarray(signed.length))).toMatch(/\/Type \/XRef/);
    expect(changesAfter(drawn).disallowed).toContain("page-content");
    const withDss = await appendUpdate(
      signed,
      (doc) => doc.catalog.set(PDFName.of("DSS"), doc.context.register(doc.context.obj({ Certs: [doc.context.register(doc.context.stream(pki.ca.certDer))] }))),
      true,
    );
    expect(changesAfter(withDss)).toEqual({ allowed: ["dss"], disallowed: [] });
  });

  it("a cross-reference stream that points an object back at its version from before the signature is disallowed", async () => {
    const text = new TextDecoder("latin1").decode(signed);
    const page = /\n(\d+) 0 obj\n<<\n\/Type \/Page\n/.exec(text)!;
    const root = [...text.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
    const offset = page.index + 1;
    const data = deflateSync(Buffer.from([0, 0, 0, 0, 0, 0xff, 1, offset >>> 24, (offset >>> 16) & 0xff, (offset >>> 8) & 0xff, offset & 0xff, 0]));
    const head = `\n999 0 obj\n<< /Type /XRef /W [1 4 1] /Index [0 1 ${page[1]} 1] /Size 1000 /Root ${root} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`;
    const update = Buffer.concat([Buffer.from(head, "latin1"), data, Buffer.from("\nendstream\nendobj\nstartxref\n0\n%%EOF\n", "latin1")]);
    expect(changesAfter(new Uint8Array(Buffer.concat([signed, update]))).disallowed).toEqual(["other"]);
  });

  it("bytes appended after %%EOF that are no update at all are not ignored", async () => {
    expect(changesAfter(new Uint8Array([...signed, ...new TextEncoder().encode("\nrác không phải PDF\n")])).disallowed).toEqual(["other"]);
    expect(changesAfter(new Uint8Array([...signed, 0x0a, 0x0a]))).toEqual({ allowed: [], disallowed: [] });
  });
});

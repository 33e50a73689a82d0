import type { ResolvedCommitment } from "@/lib/documents/resolve-commitment";

/** The commitment as readable HTML (phone-friendly), from the same resolved text as the PDF. */
export function CommitmentDocument({ document: doc }: { document: ResolvedCommitment }) {
  return (
    <article lang="vi" className="rounded-lg border border-slate-200 bg-white p-5 font-serif text-[17px] leading-relaxed text-slate-900 sm:p-8">
      <header className="grid gap-4 text-center sm:grid-cols-2">
        <div>
          <p>{doc.issuingBody}</p>
          <p className="font-bold">{doc.unitName}</p>
        </div>
        <div>
          <p className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="font-bold underline underline-offset-4">Độc lập - Tự do - Hạnh phúc</p>
          <p className="mt-2 italic">{doc.placeAndDate}</p>
        </div>
      </header>
      <h2 className="mt-8 text-center text-xl font-bold">{doc.title}</h2>
      <p className="text-center font-bold">{doc.subtitle}</p>
      <div className="mt-6 space-y-2 text-justify">
        {doc.legalBases.map((basis) => (
          <p key={basis} className="indent-8 italic">
            {basis}
          </p>
        ))}
        <p className="indent-8">{doc.parIntro}</p>
        {doc.parGroups.map((group) => (
          <div key={group.heading}>
            <p className="indent-8 italic">{group.heading}</p>
            <ul className="space-y-1">
              {group.items.map((item) => (
                <li key={item} className="indent-8">
                  - {item}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p className="indent-8">{doc.commitmentIntro}</p>
        <ol className="list-decimal space-y-1 pl-14">
          {doc.commitments.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ol>
        {doc.closing.map((text) => (
          <p key={text} className="indent-8">
            {text}
          </p>
        ))}
      </div>
      <footer className="mt-8 grid gap-6 text-center sm:grid-cols-2">
        <div>
          <p className="font-bold">{doc.signatureBlocks.head.title}</p>
          <p className="font-bold">{doc.signatureBlocks.head.jobTitle}</p>
          <p className="my-8 text-sm italic text-slate-500">(chữ ký số)</p>
          <p className="font-bold">{doc.signatureBlocks.head.fullName}</p>
        </div>
        <div>
          <p className="font-bold">XÁC NHẬN CỦA</p>
          <p className="font-bold">{doc.signatureBlocks.chairperson.title}</p>
          <p className="my-8 text-sm italic text-slate-500">(chữ ký số)</p>
        </div>
      </footer>
    </article>
  );
}

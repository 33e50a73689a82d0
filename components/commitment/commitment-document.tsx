import type { ResolvedCommitment } from "@/lib/documents/resolve-commitment";

/** One signer's column: bold title lines, the space the signature takes in the PDF, the full name its widget draws. */
function SignatureBlock({ titles, fullName }: { titles: string[]; fullName: string | null }) {
  return (
    <div>
      {titles.map((line, i) => (
        <p key={i} className="font-bold">
          {line}
        </p>
      ))}
      <p className="my-8 text-sm italic text-slate-500">(chữ ký số)</p>
      {fullName ? <p className="font-bold">{fullName}</p> : null}
    </div>
  );
}

/**
 * The commitment as readable HTML (phone-friendly), from the same ResolvedCommitment as the PDF
 * (lib/pdf/render-commitment-pdf.ts): every word here is a word of the PDF. No client JavaScript.
 */
export function CommitmentDocument({ document: doc }: { document: ResolvedCommitment }) {
  const { head, chairperson } = doc.signatureBlocks;
  return (
    <article lang="vi" className="rounded-lg border border-slate-200 bg-white p-4 font-serif text-[17px] leading-relaxed text-slate-900 sm:p-8">
      <header className="grid gap-4 text-center sm:grid-cols-[2fr_3fr]">
        <div>
          {doc.header.superior ? <p>{doc.header.superior}</p> : null}
          <p className="font-bold">{doc.header.name}</p>
          <hr className="mx-auto mt-1 w-1/3 border-slate-900" />
          {/* Number and date are the clerk's, given at issuance: placeholders until then, as in the PDF's empty boxes. */}
          <p className="mt-2 text-slate-500">{doc.numberLine}</p>
        </div>
        <div>
          <p className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
          <p className="font-bold underline underline-offset-4">Độc lập - Tự do - Hạnh phúc</p>
          <p className="mt-2 italic text-slate-500">{doc.dateLine}</p>
        </div>
      </header>
      <h2 className="mt-8 text-center text-xl font-bold">{doc.title}</h2>
      <p className="text-center font-bold">{doc.subtitle}</p>
      <hr className="mx-auto mt-1 w-1/4 border-slate-900" />
      <div className="mt-6 space-y-2 text-justify">
        {doc.legalBases.map((basis, i) => (
          <p key={i} className="indent-8 italic">
            {basis}
          </p>
        ))}
        <p className="indent-8">{doc.parIntro}</p>
        {doc.parGroups.map((group) => (
          <section key={group.heading} aria-label={group.heading}>
            <p className="indent-8 italic">{group.heading}</p>
            <ul className="space-y-1">
              {group.items.map((item, i) => (
                <li key={i} className="indent-8">
                  - {item}
                </li>
              ))}
            </ul>
          </section>
        ))}
        <p className="indent-8">{doc.commitmentIntro}</p>
        <ol className="list-decimal space-y-1 pl-10 sm:pl-14">
          {doc.commitments.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ol>
        {doc.closing.map((text, i) => (
          <p key={i} className="indent-8">
            {text}
          </p>
        ))}
      </div>
      <footer className="mt-8 grid gap-6 text-center sm:grid-cols-2">
        <SignatureBlock titles={[head.title, head.jobTitle]} fullName={head.fullName} />
        <SignatureBlock titles={[chairperson.heading, chairperson.title]} fullName={chairperson.fullName} />
      </footer>
      <section aria-label={doc.recipients.heading} className="mt-6 text-sm">
        <p className="font-bold italic">{doc.recipients.heading}</p>
        {doc.recipients.lines.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>
    </article>
  );
}

import type { CommitmentContent } from "@/lib/documents/commitment-content";

/** List fields are edited as textareas, one item per line. */
const lines = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function templateFormToContent(formData: FormData) {
  return {
    title: formData.get("title"),
    subtitle: formData.get("subtitle"),
    legalBases: lines(formData.get("legalBases")),
    parIndex: {
      intro: formData.get("parIndex.intro"),
      improved: lines(formData.get("parIndex.improved")),
      declined: lines(formData.get("parIndex.declined")),
      unchanged: lines(formData.get("parIndex.unchanged")),
    },
    commitmentIntro: formData.get("commitmentIntro"),
    commitments: lines(formData.get("commitments")),
    closing: lines(formData.get("closing")),
  };
}

export function contentToFormValues(content: CommitmentContent): Record<string, string> {
  return {
    title: content.title,
    subtitle: content.subtitle,
    legalBases: content.legalBases.join("\n"),
    "parIndex.intro": content.parIndex.intro,
    "parIndex.improved": content.parIndex.improved.join("\n"),
    "parIndex.declined": content.parIndex.declined.join("\n"),
    "parIndex.unchanged": content.parIndex.unchanged.join("\n"),
    commitmentIntro: content.commitmentIntro,
    commitments: content.commitments.join("\n"),
    closing: content.closing.join("\n"),
  };
}

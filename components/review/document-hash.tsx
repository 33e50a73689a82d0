/** The SHA-256 of the exact PDF, so anyone can compare it with the file they hold (sha256sum). */
export function DocumentHash({ sha256, label }: { sha256: string; label: string }) {
  return (
    <p className="text-sm">
      <span className="text-slate-600">{label}: </span>
      <code className="break-all font-mono text-xs" data-testid="document-sha256">
        {sha256}
      </code>
    </p>
  );
}

"use client";

import { useId, useRef, useState } from "react";
import type { ExternalKey } from "@/lib/external-signing/external-key";
import { openPkcs12, PKCS12_MAX_BYTES, Pkcs12Error, type Pkcs12ErrorReason } from "@/lib/external-signing/open-pkcs12";

/** The labels this picker shows (from lib/i18n, handed down by the page). */
export interface Pkcs12FilePickerMessages {
  /** "Tệp chứng thư số (.p12, .pfx)" */
  fileLabel: string;
  /** "Mật khẩu của tệp" */
  passwordLabel: string;
  /** Under the fields, e.g. "Tệp và mật khẩu chỉ dùng trong trình duyệt này, không gửi lên máy chủ." */
  privacyHint: string;
  /** "Mở tệp" */
  open: string;
  /** "Đang mở…" */
  opening: string;
  /** "Hãy chọn tệp .p12 hoặc .pfx." */
  chooseFile: string;
  /** "Đã mở chứng thư số của" — followed by the certificate's name. */
  openedAs: string;
  /** Text per failure; a missing one falls back to the (Vietnamese) message of the error. */
  errors?: Partial<Record<Pkcs12ErrorReason, string>>;
  /** Anything else: "Không mở được tệp chứng thư số." */
  unexpected: string;
}

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm aria-[invalid=true]:border-red-600";

/**
 * Opens a .p12/.pfx in the page: the file, its password and the (non-extractable) key stay in this
 * component's memory — no <form>, no `name`, nothing is submitted or stored. `onOpened` gets the key.
 */
export function Pkcs12FilePicker({
  messages: t,
  onOpened,
  disabled = false,
}: {
  messages: Pkcs12FilePickerMessages;
  onOpened: (key: ExternalKey) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openedLabel, setOpenedLabel] = useState<string | null>(null);
  const errorId = `${id}-error`;

  function messageFor(caught: unknown): string {
    if (caught instanceof Pkcs12Error) return t.errors?.[caught.reason] ?? caught.message;
    return t.unexpected;
  }

  async function open() {
    if (opening || disabled) return;
    setError(null);
    setOpenedLabel(null);
    if (!file) {
      setError(t.chooseFile);
      return;
    }
    if (file.size > PKCS12_MAX_BYTES) {
      setError(messageFor(new Pkcs12Error("too-large")));
      return;
    }
    setOpening(true);
    let bytes: Uint8Array | null = null;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
      const key = await openPkcs12(bytes, password, file.name);
      // Done with the secret: forget the password and the file (the key itself cannot be exported).
      setPassword("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      setOpenedLabel(key.label);
      onOpened(key);
    } catch (caught) {
      setError(messageFor(caught));
    } finally {
      bytes?.fill(0);
      setOpening(false);
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
          {t.fileLabel}
        </label>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          disabled={disabled || opening}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setError(null);
            setOpenedLabel(null);
          }}
          className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-semibold file:text-slate-800 hover:file:bg-slate-50"
        />
      </div>
      <div className="max-w-sm">
        <label htmlFor={`${id}-password`} className="block text-sm font-medium text-slate-700">
          {t.passwordLabel}
        </label>
        <input
          id={`${id}-password`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={password}
          disabled={disabled || opening}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setPassword(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void open();
            }
          }}
          className={inputClass}
        />
      </div>
      <p className="text-xs text-slate-500">{t.privacyHint}</p>
      {error && (
        <p id={errorId} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      {openedLabel && (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {t.openedAs} {openedLabel}
        </p>
      )}
      <button
        type="button"
        onClick={() => void open()}
        disabled={disabled || opening}
        className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {opening ? t.opening : t.open}
      </button>
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import "@fontsource/dancing-script/700.css";
import { useMessages } from "@/components/i18n/messages-provider";

const INK = "#1d3fa8"; // signatures are blue, as on paper
const WIDTH = 600;
const HEIGHT = 200;

/**
 * Draw with mouse, finger or pen, or type the name (rendered in a handwriting face; the keyboard-only way).
 * Reports a PNG data URL, or null while there is nothing to sign with.
 */
export function SignaturePad({ defaultName, onChange }: { defaultName: string; onChange: (pngDataUrl: string | null) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [mode, setMode] = useState<"draw" | "type">("draw");
  const [typedName, setTypedName] = useState(defaultName);
  const hasInk = useRef(false);
  const t = useMessages().signing.pad;

  const context = () => {
    const ctx = canvasRef.current!.getContext("2d")!;
    ctx.strokeStyle = INK;
    ctx.fillStyle = INK;
    ctx.lineWidth = 3;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    return ctx;
  };

  const clear = () => {
    context().clearRect(0, 0, WIDTH, HEIGHT);
    hasInk.current = false;
    onChange(null);
  };

  // Typed mode: re-render the name whenever it changes (after the handwriting font has loaded).
  useEffect(() => {
    if (mode !== "type") return;
    let cancelled = false;
    document.fonts.load('700 64px "Dancing Script"', typedName).then(() => {
      if (cancelled || !canvasRef.current) return;
      const ctx = context();
      ctx.clearRect(0, 0, WIDTH, HEIGHT);
      const text = typedName.normalize("NFC").trim();
      if (!text) return onChange(null);
      let size = 72;
      do {
        ctx.font = `700 ${size}px "Dancing Script", cursive`;
        size -= 4;
      } while (ctx.measureText(text).width > WIDTH - 40 && size > 24);
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(text, WIDTH / 2, HEIGHT / 2);
      onChange(canvasRef.current.toDataURL("image/png"));
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onChange is a stable setter from the parent
  }, [mode, typedName]);

  const point = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - rect.left) * WIDTH) / rect.width, y: ((event.clientY - rect.top) * HEIGHT) / rect.height };
  };

  return (
    <div>
      <div role="tablist" aria-label={t.modes} className="mb-2 flex gap-2">
        {(
          [
            ["draw", t.draw],
            ["type", t.type],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={mode === value}
            onClick={() => {
              clear();
              setMode(value);
            }}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm aria-selected:border-brand-700 aria-selected:bg-brand-50 aria-selected:text-brand-800"
          >
            {label}
          </button>
        ))}
      </div>
      {mode === "type" && (
        <div className="mb-2">
          <label htmlFor="typed-name" className="block text-sm font-medium text-slate-700">
            {t.typedName}
          </label>
          <input
            id="typed-name"
            value={typedName}
            maxLength={80}
            onChange={(e) => setTypedName(e.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
      )}
      <canvas
        ref={canvasRef}
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-canvas"
        aria-label={mode === "draw" ? t.drawCanvas : t.typedCanvas}
        role="img"
        className="block aspect-[3/1] w-full max-w-xl touch-none rounded-md border-2 border-dashed border-slate-300 bg-white"
        onPointerDown={(e) => {
          if (mode !== "draw") return;
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          const { x, y } = point(e);
          const ctx = context();
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const { x, y } = point(e);
          const ctx = context();
          ctx.lineTo(x, y);
          ctx.stroke();
          hasInk.current = true;
        }}
        onPointerUp={() => {
          if (!drawing.current) return;
          drawing.current = false;
          if (hasInk.current) onChange(canvasRef.current!.toDataURL("image/png"));
        }}
      />
      {mode === "draw" && (
        <button type="button" onClick={clear} className="mt-2 text-sm text-brand-700 hover:underline">
          {t.clear}
        </button>
      )}
    </div>
  );
}

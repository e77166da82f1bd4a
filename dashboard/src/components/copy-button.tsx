import { useState } from 'react';
import { CheckIcon, CopyIcon } from './icons.tsx';

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-http origins (a LAN IP) have no async clipboard; fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void writeClipboard(text).then(() => {
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        });
      }}
      className="inline-flex items-center gap-1.5 rounded-md bg-white px-2.5 py-1.5 text-xs font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
    >
      {copied ? <CheckIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />}
      {copied ? 'Copied' : label}
    </button>
  );
}

/** A one-time value (signing secret, API key) in a monospace box with a copy button. */
export function SecretBox({ value }: { value: string }) {
  return (
    <div className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 p-2 pl-3">
      <code className="min-w-0 flex-1 font-mono text-sm break-all text-slate-800" data-testid="one-time-secret">
        {value}
      </code>
      <CopyButton text={value} />
    </div>
  );
}

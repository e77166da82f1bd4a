import { CopyButton } from './copy-button.tsx';

/** Pretty-print JSON given as a string or a value; text that is not JSON is shown as is. */
export function formatJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2) ?? String(value);
}

export function JsonView({ value, maxHeight = 'max-h-96', label }: { value: unknown; maxHeight?: string; label?: string }) {
  const text = formatJson(value);
  return (
    <div className="overflow-hidden rounded-lg bg-slate-900 ring-1 ring-slate-900/10">
      <div className="flex items-center justify-between border-b border-white/10 px-3 py-1.5">
        <span className="text-xs font-medium text-slate-400">{label ?? 'JSON'}</span>
        <CopyButton text={text} />
      </div>
      <pre className={`${maxHeight} overflow-auto p-3 font-mono text-xs leading-relaxed text-slate-100`}>
        <code>{text}</code>
      </pre>
    </div>
  );
}

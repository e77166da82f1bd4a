import type { ReactNode } from 'react';
import type { DeliveryStatus } from '../api/types.ts';

export type Tone = 'gray' | 'green' | 'red' | 'amber' | 'blue' | 'indigo';

const tones: Record<Tone, string> = {
  gray: 'bg-slate-100 text-slate-700 ring-slate-500/20',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-600/20',
  red: 'bg-rose-50 text-rose-700 ring-rose-600/20',
  amber: 'bg-amber-50 text-amber-800 ring-amber-600/20',
  blue: 'bg-sky-50 text-sky-700 ring-sky-600/20',
  indigo: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
};

const dots: Record<Tone, string> = {
  gray: 'bg-slate-400',
  green: 'bg-emerald-500',
  red: 'bg-rose-500',
  amber: 'bg-amber-500',
  blue: 'bg-sky-500',
  indigo: 'bg-indigo-500',
};

export function Badge({ tone = 'gray', dot = false, children }: { tone?: Tone; dot?: boolean; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[tone]}`}
    >
      {dot && <span className={`size-1.5 rounded-full ${dots[tone]}`} aria-hidden="true" />}
      {children}
    </span>
  );
}

export function deliveryStatusLabel(status: DeliveryStatus): string {
  switch (status) {
    case 'pending':
      return 'Pending';
    case 'retrying':
      return 'Retrying';
    case 'succeeded':
      return 'Succeeded';
    case 'dead':
      return 'Failed';
  }
}

export function deliveryStatusTone(status: DeliveryStatus): Tone {
  switch (status) {
    case 'pending':
      return 'blue';
    case 'retrying':
      return 'amber';
    case 'succeeded':
      return 'green';
    case 'dead':
      return 'red';
  }
}

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge tone={deliveryStatusTone(status)} dot>
      {deliveryStatusLabel(status)}
    </Badge>
  );
}

/** An HTTP response code, coloured by class; a dash when there was no response. */
export function ResponseCode({ code }: { code: number | null }) {
  if (code === null) return <span className="text-slate-400">—</span>;
  const tone = code >= 200 && code < 300 ? 'text-emerald-700' : code >= 500 || code === 429 ? 'text-amber-700' : 'text-rose-700';
  return <span className={`font-mono text-xs font-semibold ${tone}`}>{code}</span>;
}

export function Chip({ children, mono = true }: { children: ReactNode; mono?: boolean }) {
  return (
    <span
      className={`inline-flex items-center rounded-md bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-inset ring-slate-200 ${mono ? 'font-mono' : ''}`}
    >
      {children}
    </span>
  );
}

import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { AlertIcon, CheckCircleIcon, InfoIcon, XIcon } from './icons.tsx';

export type ToastKind = 'success' | 'error' | 'info';

interface ToastItem {
  readonly id: number;
  readonly kind: ToastKind;
  readonly title: string;
  readonly message?: string;
}

export interface Toaster {
  readonly success: (title: string, message?: string) => void;
  readonly error: (title: string, message?: string) => void;
  readonly info: (title: string, message?: string) => void;
}

const ToastContext = createContext<Toaster | null>(null);

const icons: Record<ToastKind, ReactNode> = {
  success: <CheckCircleIcon className="size-5 text-emerald-500" />,
  error: <AlertIcon className="size-5 text-rose-500" />,
  info: <InfoIcon className="size-5 text-sky-500" />,
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<readonly ToastItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, title: string, message?: string) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { id, kind, title, message }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4500);
    },
    [dismiss],
  );
  const toaster = useMemo<Toaster>(
    () => ({
      success: (title, message) => push('success', title, message),
      error: (title, message) => push('error', title, message),
      info: (title, message) => push('info', title, message),
    }),
    [push],
  );

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-[60] flex flex-col items-end gap-2 p-4 sm:p-6">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.kind === 'error' ? 'alert' : 'status'}
            className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-900/10"
          >
            <span className="mt-0.5 shrink-0">{icons[toast.kind]}</span>
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-slate-900">{toast.title}</p>
              {toast.message && <p className="mt-0.5 text-sm break-words text-slate-500">{toast.message}</p>}
            </div>
            <button type="button" onClick={() => dismiss(toast.id)} className="shrink-0 rounded p-0.5 text-slate-400 hover:text-slate-600" aria-label="Dismiss">
              <XIcon className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast() needs a <ToastProvider> above it');
  return toaster;
}

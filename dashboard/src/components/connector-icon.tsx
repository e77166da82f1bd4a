import type { ReactNode } from 'react';
import type { Plugin } from '../api/types.ts';
import { GithubIcon, GlobeIcon, HashIcon, MessageIcon, WebhookIcon } from './icons.tsx';

const known: Record<string, { tile: string; glyph: ReactNode }> = {
  'generic-http': { tile: 'bg-indigo-50 text-indigo-600 ring-indigo-600/15', glyph: <WebhookIcon className="size-4" /> },
  webhook: { tile: 'bg-indigo-50 text-indigo-600 ring-indigo-600/15', glyph: <WebhookIcon className="size-4" /> },
  http: { tile: 'bg-indigo-50 text-indigo-600 ring-indigo-600/15', glyph: <GlobeIcon className="size-4" /> },
  discord: { tile: 'bg-[#5865F2] text-white ring-[#5865F2]', glyph: <MessageIcon className="size-4" /> },
  slack: { tile: 'bg-[#4A154B] text-white ring-[#4A154B]', glyph: <HashIcon className="size-4" /> },
  'slack-example': { tile: 'bg-[#4A154B] text-white ring-[#4A154B]', glyph: <HashIcon className="size-4" /> },
  github: { tile: 'bg-slate-900 text-white ring-slate-900', glyph: <GithubIcon className="size-4" /> },
};

const tileBase = 'inline-flex size-8 shrink-0 items-center justify-center rounded-lg ring-1 ring-inset';

/**
 * A connector's icon. `plugin.icon` may be an image URL, an emoji, or a name; known ids get a
 * brand-coloured tile, anything else its first letter.
 */
export function ConnectorIcon({ plugin, connector }: { plugin?: Plugin | undefined; connector: string }) {
  const icon = plugin?.icon ?? '';
  if (/^(https?:|data:image\/|\/)/.test(icon)) {
    return <img src={icon} alt="" className={`${tileBase} bg-white object-contain p-1 ring-slate-200`} />;
  }
  const brand = known[icon] ?? known[connector];
  if (brand) return <span className={`${tileBase} ${brand.tile}`}>{brand.glyph}</span>;
  const emoji = icon && [...icon].length <= 2 ? icon : null;
  return (
    <span className={`${tileBase} bg-slate-100 text-sm font-semibold text-slate-600 ring-slate-200`}>
      {emoji ?? (plugin?.name ?? connector).charAt(0).toUpperCase()}
    </span>
  );
}

import { Button } from './button.tsx';

/** The "Load more" row under a paged table. */
export function LoadMoreFooter({ onLoadMore, busy }: { onLoadMore: () => void; busy: boolean }) {
  return (
    <div className="border-t border-slate-100 px-4 py-3 text-center">
      <Button size="sm" onClick={onLoadMore} busy={busy}>
        Load more
      </Button>
    </div>
  );
}

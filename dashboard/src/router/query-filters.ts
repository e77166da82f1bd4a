import { href, navigate, type Location } from './hash-router.ts';

export interface QueryFilters<K extends string> {
  /** Each filter's value, '' when not set. */
  readonly values: Readonly<Record<K, string>>;
  /** Whether any filter is set. */
  readonly active: boolean;
  /** Change some filters (or `extra` parameters such as the open row's `id`), keeping the rest. */
  readonly go: (changes: Readonly<Record<string, string | null>>) => void;
  /** Back to the unfiltered page. */
  readonly clear: () => void;
}

/**
 * A list page's filters, kept in its query string so a link or reload shows the same rows.
 * `parse` cleans a raw value (unknown ones become ''); `extra` are other parameters that `go` keeps.
 */
export function queryFilters<K extends string>(
  location: Location,
  path: string,
  names: readonly K[],
  { parse = {}, extra = {} }: { parse?: Partial<Record<K, (raw: string) => string>>; extra?: Readonly<Record<string, string | null>> } = {},
): QueryFilters<K> {
  const values = {} as Record<K, string>;
  for (const name of names) {
    const raw = location.query.get(name) ?? '';
    values[name] = parse[name]?.(raw) ?? raw;
  }
  return {
    values,
    active: names.some((name) => values[name] !== ''),
    go: (changes) => navigate(href(path, { ...values, ...extra, ...changes }), { replace: true }),
    clear: () => navigate(path, { replace: true }),
  };
}

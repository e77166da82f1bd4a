/**
 * Cut `text` to at most `maxLength` UTF-16 units, ending with `…` when cut, without splitting
 * a surrogate pair (an emoji). Chat APIs count characters; staying within UTF-16 units is the
 * safe side of every way of counting them.
 *
 * @example
 * truncateText('🚀 launch day', 5); // '🚀 l…'
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  let end = maxLength - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

import type { Community } from '../api/types.ts';

/** One `<option>` per community, for a community `<select>`. */
export function CommunityOptions({ communities }: { communities: readonly Community[] }) {
  return communities.map((community) => (
    <option key={community.id} value={community.id}>
      {community.name}
    </option>
  ));
}

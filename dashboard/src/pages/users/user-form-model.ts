import * as v from 'valibot';
import type { ManagedUser, Membership, Role, UserInput, UserPatch } from '../../api/types.ts';

export const roles: readonly { readonly role: Role; readonly label: string; readonly description: string }[] = [
  { role: 'viewer', label: 'Viewer', description: 'reads webhooks, deliveries and events' },
  { role: 'admin', label: 'Admin', description: 'also changes webhooks and API keys, retries and replays, reads the audit log' },
  { role: 'owner', label: 'Owner', description: 'everything an admin does; an owner of all communities also manages users and communities' },
];

/** `'*'` in a membership: every community. An owner there is an instance owner. */
export const ALL_COMMUNITIES = '*';

export interface MembershipValues {
  communityId: string;
  role: Role;
}

export interface UserFormValues {
  email: string;
  name: string;
  /** Required on create; on edit, empty keeps the current password. */
  password: string;
  memberships: MembershipValues[];
}

const roleValues = roles.map((entry) => entry.role) as [Role, ...Role[]];

/** Client-side rules, the same as the server's (which re-checks everything and answers 422 with details). */
export function userFormSchema({ creating }: { readonly creating: boolean }) {
  return v.object({
    email: creating
      ? v.pipe(v.string(), v.trim(), v.nonEmpty('Enter an email address'), v.email('Enter a valid email address, e.g. ada@example.com'))
      : v.string(),
    name: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter a name'), v.maxLength(120, 'Keep the name under 120 characters')),
    password: creating
      ? v.pipe(v.string(), v.nonEmpty('Set a password'), v.minLength(8, 'Use at least 8 characters'), v.maxLength(1024, 'Keep the password under 1024 characters'))
      : v.pipe(
          v.string(),
          v.check((text) => text === '' || text.length >= 8, 'Use at least 8 characters, or leave empty to keep the current password'),
          v.maxLength(1024, 'Keep the password under 1024 characters'),
        ),
    memberships: v.pipe(
      v.array(
        v.object({
          communityId: v.pipe(v.string(), v.nonEmpty('Choose a community')),
          role: v.picklist(roleValues, 'Choose a role'),
        }),
      ),
      v.minLength(1, 'Give the user a role in at least one community'),
      v.check((list) => new Set(list.map((entry) => entry.communityId)).size === list.length, 'Each community can be listed only once'),
    ),
  });
}

export function emptyUserValues(defaultCommunityId = ''): UserFormValues {
  return { email: '', name: '', password: '', memberships: [{ communityId: defaultCommunityId, role: 'viewer' }] };
}

export function userValuesFrom(user: ManagedUser): UserFormValues {
  return {
    email: user.email,
    name: user.name,
    password: '',
    memberships: user.memberships.map((membership) => ({ communityId: membership.communityId, role: membership.role })),
  };
}

const sameMemberships = (a: readonly Membership[], b: readonly Membership[]) =>
  a.length === b.length && a.every((entry, index) => entry.communityId === b[index]?.communityId && entry.role === b[index]?.role);

export function toCreateUserInput(values: UserFormValues): UserInput {
  return {
    email: values.email.trim(),
    name: values.name.trim(),
    password: values.password,
    memberships: values.memberships.map(({ communityId, role }) => ({ communityId, role })),
  };
}

/** Only what changed: a new password only when typed (it signs the user out everywhere). */
export function toUserPatch(values: UserFormValues, user: ManagedUser): UserPatch {
  const memberships = values.memberships.map(({ communityId, role }) => ({ communityId, role }));
  return {
    ...(values.name.trim() !== user.name ? { name: values.name.trim() } : {}),
    ...(values.password !== '' ? { password: values.password } : {}),
    ...(!sameMemberships(memberships, user.memberships) ? { memberships } : {}),
  };
}

/** Every field a server issue can land on, for `matchIssuesToFields`. */
export function userFieldNames(membershipCount: number): string[] {
  return [
    'email',
    'name',
    'password',
    'memberships',
    ...Array.from({ length: membershipCount }, (_, index) => [`memberships.${index}.communityId`, `memberships.${index}.role`]).flat(),
  ];
}

/** `Acme · Admin`, `All communities · Owner`. */
export function describeMembership(membership: Membership, communityName: (id: string) => string): string {
  const community = membership.communityId === ALL_COMMUNITIES ? 'All communities' : communityName(membership.communityId);
  const role = roles.find((entry) => entry.role === membership.role)?.label ?? membership.role;
  return `${community} · ${role}`;
}

const COMMUNITY_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const communityFormSchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter a name'), v.maxLength(120, 'Keep the name under 120 characters')),
  id: v.pipe(v.string(), v.trim(), v.nonEmpty('Enter an id'), v.regex(COMMUNITY_ID, 'Use 1-63 lower-case letters, digits or dashes, starting with a letter or digit')),
});

export type CommunityFormValues = v.InferOutput<typeof communityFormSchema>;

/** A suggested community id from its name: `Acme Community!` -> `acme-community`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}

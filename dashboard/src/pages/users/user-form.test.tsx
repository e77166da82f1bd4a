// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { Community, ManagedUser } from '../../api/types.ts';
import { UserFormModal } from './user-form-modal.tsx';
import {
  communityFormSchema,
  describeMembership,
  emptyUserValues,
  slugify,
  toCreateUserInput,
  toUserPatch,
  userFormSchema,
  userValuesFrom,
  type UserFormValues,
} from './user-form-model.ts';

const communities: Community[] = [
  { id: 'default', name: 'Default community', createdAt: '2026-01-01T00:00:00Z' },
  { id: 'acme', name: 'Acme', createdAt: '2026-01-01T00:00:00Z' },
];

const bob: ManagedUser = {
  id: 'usr_bob',
  email: 'bob@example.com',
  name: 'Bob',
  memberships: [{ communityId: 'acme', role: 'admin' }],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function issues(creating: boolean, input: UserFormValues): Record<string, string> {
  // Like the react-hook-form resolver: the first problem per field.
  const result = v.safeParse(userFormSchema({ creating }), input, { abortPipeEarly: true });
  return Object.fromEntries((result.issues ?? []).map((issue) => [v.getDotPath(issue) ?? '', issue.message]));
}

const valid = (changes: Partial<UserFormValues> = {}): UserFormValues => ({
  email: 'ada@example.com',
  name: 'Ada',
  password: 'correct horse',
  memberships: [{ communityId: 'acme', role: 'viewer' }],
  ...changes,
});

describe('user form rules', () => {
  it('accepts a complete new user', () => {
    expect(issues(true, valid())).toEqual({});
  });

  it('needs an email, a name and a password of 8 or more characters on create', () => {
    expect(issues(true, valid({ email: '', name: '  ', password: '' }))).toEqual({
      email: 'Enter an email address',
      name: 'Enter a name',
      password: 'Set a password',
    });
    expect(issues(true, valid({ email: 'not-an-email' }))).toEqual({ email: 'Enter a valid email address, e.g. ada@example.com' });
    expect(issues(true, valid({ password: 'short' }))).toEqual({ password: 'Use at least 8 characters' });
    expect(issues(true, valid({ name: 'x'.repeat(121) }))).toEqual({ name: 'Keep the name under 120 characters' });
  });

  it('on edit, ignores the (read-only) email and lets the password stay empty', () => {
    expect(issues(false, valid({ email: '', password: '' }))).toEqual({});
    expect(issues(false, valid({ password: 'short' }))).toEqual({ password: 'Use at least 8 characters, or leave empty to keep the current password' });
  });

  it('needs at least one role, a community on each, and each community once', () => {
    expect(issues(true, valid({ memberships: [] }))).toEqual({ memberships: 'Give the user a role in at least one community' });
    expect(issues(true, valid({ memberships: [{ communityId: '', role: 'viewer' }] }))).toEqual({ 'memberships.0.communityId': 'Choose a community' });
    expect(
      issues(true, valid({ memberships: [{ communityId: 'acme', role: 'viewer' }, { communityId: 'acme', role: 'admin' }] })),
    ).toEqual({ memberships: 'Each community can be listed only once' });
    expect(issues(true, valid({ memberships: [{ communityId: '*', role: 'owner' }, { communityId: 'acme', role: 'viewer' }] }))).toEqual({});
    expect(issues(true, valid({ memberships: [{ communityId: 'acme', role: 'root' as never }] }))).toEqual({ 'memberships.0.role': 'Choose a role' });
  });

  it('builds the create body, and a patch with only what changed', () => {
    expect(toCreateUserInput(valid({ email: ' ada@example.com ', name: ' Ada ' }))).toEqual({
      email: 'ada@example.com',
      name: 'Ada',
      password: 'correct horse',
      memberships: [{ communityId: 'acme', role: 'viewer' }],
    });
    const unchanged = userValuesFrom(bob);
    expect(unchanged).toEqual({ email: 'bob@example.com', name: 'Bob', password: '', memberships: [{ communityId: 'acme', role: 'admin' }] });
    expect(toUserPatch(unchanged, bob)).toEqual({});
    expect(toUserPatch({ ...unchanged, name: 'Robert', password: 'new password' }, bob)).toEqual({ name: 'Robert', password: 'new password' });
    expect(toUserPatch({ ...unchanged, memberships: [{ communityId: 'acme', role: 'viewer' }] }, bob)).toEqual({
      memberships: [{ communityId: 'acme', role: 'viewer' }],
    });
  });

  it('describes memberships and checks community ids like the server', () => {
    const name = (id: string) => communities.find((community) => community.id === id)?.name ?? id;
    expect(describeMembership({ communityId: '*', role: 'owner' }, name)).toBe('All communities · Owner');
    expect(describeMembership({ communityId: 'acme', role: 'admin' }, name)).toBe('Acme · Admin');
    expect(slugify('  Acme Robotics, Inc. ')).toBe('acme-robotics-inc');
    expect(slugify('Café Ünïcode')).toBe('cafe-unicode');
    expect(v.safeParse(communityFormSchema, { name: 'Acme', id: 'acme-1' }).success).toBe(true);
    expect(v.safeParse(communityFormSchema, { name: 'Acme', id: '-acme' }).success).toBe(false);
    expect(v.safeParse(communityFormSchema, { name: 'Acme', id: 'Acme' }).success).toBe(false);
    expect(emptyUserValues('acme').memberships).toEqual([{ communityId: 'acme', role: 'viewer' }]);
  });
});

describe('<UserFormModal>', () => {
  afterEach(cleanup);

  const renderModal = (onSubmit = vi.fn(async (_values: UserFormValues) => undefined), user?: ManagedUser) => {
    render(<UserFormModal user={user} selfId="usr_me" communities={communities} onClose={vi.fn()} onSubmit={onSubmit} />);
    return onSubmit;
  };

  it('shows what is missing and does not submit', async () => {
    const onSubmit = renderModal();
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('Enter an email address')).toBeInTheDocument();
    expect(screen.getByText('Enter a name')).toBeInTheDocument();
    expect(screen.getByText('Set a password')).toBeInTheDocument();
    expect(screen.getByText('Choose a community')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('adds and removes roles, and submits the values', async () => {
    const onSubmit = renderModal();
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.change(screen.getByLabelText('Community 1'), { target: { value: 'acme' } });
    fireEvent.change(screen.getByLabelText('Role 1'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a community' }));
    expect(screen.getAllByTestId('membership-row')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Community 2'), { target: { value: '*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      email: 'ada@example.com',
      name: 'Ada',
      password: 'correct horse',
      memberships: [
        { communityId: 'acme', role: 'admin' },
        { communityId: '*', role: 'viewer' },
      ],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove role 2' }));
    expect(screen.getAllByTestId('membership-row')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Remove role 1' })).toBeDisabled();
  });

  it('shows the server 422 details under the fields they name, the rest above the form', async () => {
    renderModal(
      vi.fn(async () => {
        throw new ApiError(422, 'validation_failed', "community 'gone' does not exist", [
          { path: 'memberships', message: "unknown community 'gone'" },
          { path: 'password', message: 'password must be at least 8 characters' },
          { path: 'nickname', message: 'unexpected key' },
        ]);
      }),
      bob,
    );
    expect(screen.getByLabelText('Email')).toBeDisabled();
    fireEvent.input(screen.getByLabelText('New password'), { target: { value: 'long enough' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const banner = await screen.findByText('Could not save the user');
    expect(within(banner.closest('[role="alert"]') as HTMLElement).getByText("community 'gone' does not exist")).toBeInTheDocument();
    expect(await screen.findByText("unknown community 'gone'")).toHaveAttribute('id', 'user-memberships-error');
    expect(screen.getByText('password must be at least 8 characters')).toHaveAttribute('id', 'user-password-error');
    expect(screen.getByText('unexpected key')).toBeInTheDocument();
  });

  it('puts a 409 (email taken) under the email field', async () => {
    renderModal(
      vi.fn(async () => {
        throw new ApiError(409, 'conflict', "a user with email 'ada@example.com' exists");
      }),
    );
    fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.input(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.change(screen.getByLabelText('Community 1'), { target: { value: 'default' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(screen.getAllByText("a user with email 'ada@example.com' exists")).toHaveLength(2));
    expect(document.getElementById('user-email-error')).toHaveTextContent("a user with email 'ada@example.com' exists");
  });
});

import { valibotResolver } from '@hookform/resolvers/valibot';
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { isApiError } from '../../api/client.ts';
import type { Community, FieldIssue, ManagedUser } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { CommunityOptions } from '../../components/community-options.tsx';
import { Field, Select, TextInput } from '../../components/form-controls.tsx';
import { PlusIcon, TrashIcon } from '../../components/icons.tsx';
import { Modal } from '../../components/modal.tsx';
import { ModalFormFooter } from '../../components/modal-form-footer.tsx';
import { ServerErrorBanner } from '../../components/server-error-banner.tsx';
import { matchIssuesToFields } from '../webhooks/webhook-form-model.ts';
import { ALL_COMMUNITIES, emptyUserValues, roles, userFieldNames, userFormSchema, userValuesFrom, type UserFormValues } from './user-form-model.ts';

export interface UserFormModalProps {
  /** Present when editing; a new user otherwise. */
  readonly user?: ManagedUser;
  /** The signed-in user's id: editing yourself shows a note about the owner role. */
  readonly selfId: string;
  readonly communities: readonly Community[];
  readonly onClose: () => void;
  /** Save; reject with an ApiError to have its 422 details shown under the fields. */
  readonly onSubmit: (values: UserFormValues) => Promise<void>;
}

/** Create a user, or change one's name, password and roles. Mounted only while open. */
export function UserFormModal({ user, selfId, communities, onClose, onSubmit }: UserFormModalProps) {
  const creating = user === undefined;
  const resolver = useMemo(() => valibotResolver(userFormSchema({ creating })), [creating]);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<UserFormValues>({
    resolver,
    defaultValues: user ? userValuesFrom(user) : emptyUserValues(communities.length === 1 ? (communities[0]?.id ?? '') : ''),
  });
  const memberships = useFieldArray({ control, name: 'memberships' });
  const [serverError, setServerError] = useState<unknown>(null);
  const [unmatched, setUnmatched] = useState<FieldIssue[]>([]);

  const submit = handleSubmit(async (values) => {
    setServerError(null);
    setUnmatched([]);
    try {
      await onSubmit(values);
    } catch (error) {
      setServerError(error);
      if (!isApiError(error)) return;
      if (error.status === 409 && creating) setError('email', { type: 'server', message: error.message });
      const { matched, unmatched: rest } = matchIssuesToFields(error.fieldIssues, userFieldNames(values.memberships.length));
      for (const issue of matched) setError(issue.name as keyof UserFormValues, { type: 'server', message: issue.message });
      setUnmatched(rest);
    }
  });

  const listError = errors.memberships?.root?.message ?? errors.memberships?.message;
  const editingSelf = user?.id === selfId;

  return (
    <Modal
      open
      onClose={onClose}
      size="lg"
      title={creating ? 'New user' : `Edit ${user.name || user.email}`}
      description={creating ? 'They sign in with this email and password. Give them a role in each community they work in.' : user.email}
      footer={<ModalFormFooter form="user-form" onCancel={onClose} busy={isSubmitting} submitLabel={creating ? 'Create user' : 'Save changes'} />}
    >
      <form id="user-form" onSubmit={(event) => void submit(event)} noValidate className="space-y-5" aria-label={creating ? 'Create user' : 'Edit user'}>
        {serverError !== null && <ServerErrorBanner error={serverError} title={creating ? 'Could not create the user' : 'Could not save the user'} unmatched={unmatched} />}
        <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
          <Field id="user-name" label="Name" error={errors.name?.message} required>
            <TextInput id="user-name" autoComplete="off" placeholder="e.g. Ada Lovelace" invalid={!!errors.name} {...register('name')} />
          </Field>
          <Field id="user-email" label="Email" error={errors.email?.message} required={creating} help={creating ? undefined : 'The email cannot be changed.'}>
            <TextInput
              id="user-email"
              type="email"
              autoComplete="off"
              placeholder="ada@example.com"
              disabled={!creating}
              invalid={!!errors.email}
              {...register('email')}
            />
          </Field>
        </div>
        <Field
          id="user-password"
          label={creating ? 'Password' : 'New password'}
          error={errors.password?.message}
          required={creating}
          help={creating ? 'At least 8 characters. Share it with them safely; they cannot change it themselves yet.' : 'Leave empty to keep the current one. A new password signs them out everywhere.'}
        >
          <TextInput id="user-password" type="password" autoComplete="new-password" invalid={!!errors.password} {...register('password')} />
        </Field>

        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-800">
            Roles<span className="ml-0.5 text-rose-500" aria-hidden="true">*</span>
          </legend>
          <ul className="space-y-2" aria-label="Roles">
            {memberships.fields.map((field, index) => {
              const communityError = errors.memberships?.[index]?.communityId?.message;
              const roleError = errors.memberships?.[index]?.role?.message;
              return (
                <li key={field.id} data-testid="membership-row">
                  <div className="flex items-start gap-2">
                    <div className="min-w-0 flex-1">
                      <Select aria-label={`Community ${index + 1}`} invalid={!!communityError} {...register(`memberships.${index}.communityId`)}>
                        <option value="">Choose a community…</option>
                        <option value={ALL_COMMUNITIES}>All communities (instance-wide)</option>
                        <CommunityOptions communities={communities} />
                      </Select>
                      {communityError && (
                        <p role="alert" className="mt-1 text-sm text-rose-600">
                          {communityError}
                        </p>
                      )}
                    </div>
                    <div className="w-36 shrink-0">
                      <Select aria-label={`Role ${index + 1}`} invalid={!!roleError} {...register(`memberships.${index}.role`)}>
                        {roles.map((entry) => (
                          <option key={entry.role} value={entry.role}>
                            {entry.label}
                          </option>
                        ))}
                      </Select>
                      {roleError && (
                        <p role="alert" className="mt-1 text-sm text-rose-600">
                          {roleError}
                        </p>
                      )}
                    </div>
                    <button
                      type="button"
                      onClick={() => memberships.remove(index)}
                      disabled={memberships.fields.length === 1}
                      className="mt-1 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-rose-600 disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent disabled:hover:text-slate-400"
                      aria-label={`Remove role ${index + 1}`}
                      title="Remove"
                    >
                      <TrashIcon className="size-4" />
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
          {listError && (
            <p role="alert" id="user-memberships-error" className="mt-1.5 text-sm text-rose-600">
              {listError}
            </p>
          )}
          <Button size="sm" variant="ghost" className="mt-2" icon={<PlusIcon className="size-3.5" />} onClick={() => memberships.append({ communityId: '', role: 'viewer' })}>
            Add a community
          </Button>
          <dl className="mt-3 space-y-1 rounded-lg bg-slate-50 px-3 py-2.5 text-xs text-slate-600 ring-1 ring-slate-200">
            {roles.map((entry) => (
              <div key={entry.role} className="flex gap-1.5">
                <dt className="font-medium text-slate-800">{entry.label}:</dt>
                <dd>{entry.description}.</dd>
              </div>
            ))}
          </dl>
          {editingSelf && <p className="mt-2 text-xs text-amber-700">This is you: keep your owner role in all communities, or you lose access to this page.</p>}
        </fieldset>
      </form>
    </Modal>
  );
}

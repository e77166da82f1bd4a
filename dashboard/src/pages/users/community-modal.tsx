import { valibotResolver } from '@hookform/resolvers/valibot';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { api, isApiError } from '../../api/client.ts';
import type { Community } from '../../api/types.ts';
import { ErrorBanner } from '../../components/feedback.tsx';
import { Field, TextInput } from '../../components/form-controls.tsx';
import { Modal } from '../../components/modal.tsx';
import { ModalFormFooter } from '../../components/modal-form-footer.tsx';
import { communityFormSchema, slugify, type CommunityFormValues } from './user-form-model.ts';

/** Create a community; the id follows the name until someone types one. Mounted only while open. */
export function CommunityModal({ onClose, onCreated }: { onClose: () => void; onCreated: (community: Community) => void }) {
  const [serverError, setServerError] = useState<unknown>(null);
  const [idTouched, setIdTouched] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CommunityFormValues>({ resolver: valibotResolver(communityFormSchema), defaultValues: { name: '', id: '' } });

  const submit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      onCreated(await api.communities.create({ id: values.id, name: values.name }));
    } catch (error) {
      setServerError(error);
      if (!isApiError(error)) return;
      if (error.status === 409) setError('id', { type: 'server', message: error.message });
      for (const issue of error.fieldIssues) {
        const field = issue.path.split('.')[0];
        if (field === 'id' || field === 'name') setError(field, { type: 'server', message: issue.message });
      }
    }
  });

  const name = register('name');
  const id = register('id');

  return (
    <Modal
      open
      onClose={onClose}
      title="New community"
      description="A community is a tenant: its own webhooks, events, deliveries and API keys. Users get a role in each."
      footer={<ModalFormFooter form="community-form" onCancel={onClose} busy={isSubmitting} submitLabel="Create community" />}
    >
      <form id="community-form" onSubmit={(event) => void submit(event)} noValidate className="space-y-5" aria-label="Create community">
        {serverError !== null && <ErrorBanner error={serverError} title="Could not create the community" />}
        <Field id="community-name" label="Name" error={errors.name?.message} required>
          <TextInput
            id="community-name"
            autoComplete="off"
            placeholder="e.g. Acme Robotics"
            invalid={!!errors.name}
            {...name}
            onChange={(event) => {
              void name.onChange(event);
              if (!idTouched) setValue('id', slugify(event.target.value));
            }}
          />
        </Field>
        <Field
          id="community-id"
          label="ID"
          error={errors.id?.message}
          required
          help="Lower-case letters, digits and dashes. Used in the API and in memberships; it cannot be changed later."
        >
          <TextInput
            id="community-id"
            autoComplete="off"
            placeholder="acme-robotics"
            className="font-mono"
            invalid={!!errors.id}
            {...id}
            onChange={(event) => {
              setIdTouched(true);
              void id.onChange(event);
            }}
          />
        </Field>
      </form>
    </Modal>
  );
}

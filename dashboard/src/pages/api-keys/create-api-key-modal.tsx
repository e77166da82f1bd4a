import { valibotResolver } from '@hookform/resolvers/valibot';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import * as v from 'valibot';
import { api, isApiError } from '../../api/client.ts';
import { apiKeyScopes, type ApiKeyCreated, type ApiKeyScope, type Community } from '../../api/types.ts';
import { CommunityOptions } from '../../components/community-options.tsx';
import { ErrorBanner } from '../../components/feedback.tsx';
import { Field, Select, TextInput } from '../../components/form-controls.tsx';
import { Modal } from '../../components/modal.tsx';
import { ModalFormFooter } from '../../components/modal-form-footer.tsx';

const scopeValues = apiKeyScopes.map((entry) => entry.scope) as [ApiKeyScope, ...ApiKeyScope[]];

const apiKeySchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('Name the key after what uses it'), v.maxLength(100, 'Keep the name under 100 characters')),
  communityId: v.pipe(v.string(), v.nonEmpty('Choose a community')),
  scopes: v.pipe(v.array(v.picklist(scopeValues)), v.minLength(1, 'Choose at least one scope')),
});

type ApiKeyValues = v.InferOutput<typeof apiKeySchema>;

export function CreateApiKeyModal({
  open,
  communities,
  onClose,
  onCreated,
}: {
  open: boolean;
  communities: readonly Community[];
  onClose: () => void;
  onCreated: (key: ApiKeyCreated) => void;
}) {
  const [serverError, setServerError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ApiKeyValues>({
    resolver: valibotResolver(apiKeySchema),
    defaultValues: { name: '', communityId: communities.length === 1 ? (communities[0]?.id ?? '') : '', scopes: ['events:publish'] },
  });

  const close = () => {
    reset();
    setServerError(null);
    onClose();
  };

  const submit = handleSubmit(async (values) => {
    setServerError(null);
    try {
      const created = await api.apiKeys.create(values);
      reset();
      onCreated(created);
    } catch (error) {
      setServerError(error);
      if (isApiError(error)) {
        for (const issue of error.fieldIssues) {
          const field = issue.path.split('.')[0];
          if (field === 'name' || field === 'communityId' || field === 'scopes') setError(field, { type: 'server', message: issue.message });
        }
      }
    }
  });

  return (
    <Modal
      open={open}
      onClose={close}
      title="Create API key"
      description="Apps use API keys to publish events and manage webhooks of one community."
      footer={<ModalFormFooter form="create-api-key" onCancel={close} busy={isSubmitting} submitLabel="Create key" />}
    >
      <form id="create-api-key" onSubmit={(event) => void submit(event)} noValidate className="space-y-5">
        {serverError !== null && <ErrorBanner error={serverError} title="Could not create the key" />}
        <Field id="key-name" label="Name" error={errors.name?.message} required>
          <TextInput id="key-name" placeholder="e.g. Members service" invalid={!!errors.name} {...register('name')} />
        </Field>
        <Field id="key-community" label="Community" error={errors.communityId?.message} required>
          <Select id="key-community" invalid={!!errors.communityId} {...register('communityId')}>
            <option value="">Choose a community…</option>
            <CommunityOptions communities={communities} />
          </Select>
        </Field>
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">Scopes</legend>
          <div className="space-y-2">
            {apiKeyScopes.map(({ scope, description }) => (
              <label key={scope} className="flex cursor-pointer items-start gap-3 rounded-lg p-2 ring-1 ring-slate-200 hover:bg-slate-50">
                <input type="checkbox" value={scope} {...register('scopes')} className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600" />
                <span>
                  <span className="block font-mono text-xs font-medium text-slate-800">{scope}</span>
                  <span className="block text-xs text-slate-500">{description}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scopes?.message && <p className="mt-1.5 text-sm text-rose-600">{errors.scopes.message}</p>}
        </fieldset>
      </form>
    </Modal>
  );
}

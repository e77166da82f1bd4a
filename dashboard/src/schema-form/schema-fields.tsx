import { useState, type ComponentProps, type ReactNode } from 'react';
import { Controller, get, useFormContext, useFormState } from 'react-hook-form';
import { Badge } from '../components/badge.tsx';
import { Field, Select, TextArea, TextInput } from '../components/form-controls.tsx';
import { EyeIcon } from '../components/icons.tsx';
import type { FieldSpec } from './json-schema.ts';
import type { SecretStatus } from './field-values.ts';
import { ChipsInput, StringMapInput, type MapSuggestion } from './list-inputs.tsx';

export interface SchemaFieldsProps {
  readonly fields: readonly FieldSpec[];
  /** Where the values live in the form, e.g. `settings` or `secrets`. */
  readonly prefix: string;
  /** For write-only fields: which are already set on the server (edit), or undefined (create). */
  readonly secretStatus?: SecretStatus | undefined;
  /** Rows to offer in template maps: the plugin's templates with their default text. */
  readonly templateSuggestions?: readonly MapSuggestion[];
  /** Property names the renderer could not show, so people know something is missing. */
  readonly unsupported?: readonly string[];
}

function SecretState({ set }: { set: boolean }) {
  return set ? (
    <Badge tone="green" dot>
      Set
    </Badge>
  ) : (
    <Badge tone="gray">Not set</Badge>
  );
}

function PasswordInput(props: ComponentProps<typeof TextInput>) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <TextInput {...props} type={visible ? 'text' : 'password'} className="pr-10 font-mono" />
      <button
        type="button"
        onClick={() => setVisible((shown) => !shown)}
        className="absolute inset-y-0 right-0 flex items-center px-3 text-slate-400 hover:text-slate-600"
        aria-label={visible ? 'Hide value' : 'Show value'}
      >
        <EyeIcon className="size-4" />
      </button>
    </div>
  );
}

/**
 * Renders a plugin's settings or secrets from its JSON Schema, inside a react-hook-form
 * `FormProvider`. Secret fields are write-only: they start empty, show "Set"/"Not set" when
 * editing, and an empty one keeps the stored value.
 */
export function SchemaFields({ fields, prefix, secretStatus, templateSuggestions = [], unsupported = [] }: SchemaFieldsProps) {
  const { register, control } = useFormContext();
  const { errors } = useFormState({ control });

  return (
    <>
      {fields.map((field) => {
        const name = `${prefix}.${field.name}`;
        const id = `field-${prefix}-${field.name}`;
        const error = (get(errors, name) as { message?: string } | undefined)?.message;
        const isSet = secretStatus?.[field.name]?.set === true;
        const placeholder =
          field.secret && isSet ? 'Leave empty to keep the current value' : field.placeholder;
        const aside = field.secret && secretStatus ? <SecretState set={isSet} /> : undefined;
        const describedBy = error ? `${id}-error` : undefined;

        if (field.kind === 'boolean') {
          return (
            <div key={field.name}>
              <div className="flex items-start gap-3">
                <input
                  id={id}
                  type="checkbox"
                  {...register(name)}
                  className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
                />
                <div>
                  <label htmlFor={id} className="text-sm font-medium text-slate-800">
                    {field.label}
                  </label>
                  {field.help && <p className="text-sm text-slate-500">{field.help}</p>}
                </div>
              </div>
              {error && <p className="mt-1.5 text-sm text-rose-600">{error}</p>}
            </div>
          );
        }

        let widget: ReactNode;
        switch (field.kind) {
          case 'enum':
            widget = (
              <Select id={id} invalid={!!error} aria-describedby={describedBy} {...register(name)}>
                <option value="">{field.required ? 'Choose…' : '(default)'}</option>
                {field.options?.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </Select>
            );
            break;
          case 'number':
            widget = (
              <TextInput
                id={id}
                type="number"
                inputMode="decimal"
                step={field.integer ? 1 : 'any'}
                min={field.minimum}
                max={field.maximum}
                placeholder={placeholder}
                invalid={!!error}
                aria-describedby={describedBy}
                {...register(name)}
              />
            );
            break;
          case 'string-list':
            widget = (
              <Controller
                control={control}
                name={name}
                render={({ field: input }) => (
                  <ChipsInput id={id} value={(input.value as string[] | undefined) ?? []} onChange={input.onChange} placeholder={placeholder} invalid={!!error} />
                )}
              />
            );
            break;
          case 'string-map':
            widget = (
              <Controller
                control={control}
                name={name}
                render={({ field: input }) => (
                  <StringMapInput
                    id={id}
                    value={(input.value as Record<string, string> | undefined) ?? {}}
                    onChange={input.onChange}
                    suggestions={field.widget === 'template' ? templateSuggestions : []}
                    template={field.widget === 'template'}
                  />
                )}
              />
            );
            break;
          case 'string':
            if (field.widget === 'textarea' || field.widget === 'template') {
              widget = (
                <TextArea
                  id={id}
                  rows={field.widget === 'template' ? 4 : 3}
                  placeholder={placeholder}
                  invalid={!!error}
                  aria-describedby={describedBy}
                  spellCheck={field.widget !== 'template'}
                  className={field.widget === 'template' || field.secret ? 'font-mono text-xs' : ''}
                  {...register(name)}
                />
              );
            } else if (field.secret || field.widget === 'password') {
              widget = (
                <PasswordInput id={id} autoComplete="new-password" placeholder={placeholder} invalid={!!error} aria-describedby={describedBy} {...register(name)} />
              );
            } else {
              widget = (
                <TextInput
                  id={id}
                  type={field.widget === 'url' ? 'url' : 'text'}
                  placeholder={placeholder}
                  invalid={!!error}
                  aria-describedby={describedBy}
                  {...register(name)}
                />
              );
            }
            break;
        }

        return (
          <Field key={field.name} id={id} label={field.label} help={field.help} error={error} required={field.required && !(field.secret && isSet)} aside={aside}>
            {widget}
          </Field>
        );
      })}
      {unsupported.length > 0 && (
        <p className="text-sm text-amber-700">
          Not editable here (unsupported shape): <span className="font-mono">{unsupported.join(', ')}</span>. The server keeps their current values.
        </p>
      )}
    </>
  );
}

// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FormProvider, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import type { JsonSchema } from '../api/types.ts';
import { fieldProblem, initialValues, toPayload, type FieldValues, type SecretStatus } from './field-values.ts';
import { describeSchema } from './json-schema.ts';
import { SchemaFields } from './schema-fields.tsx';

afterEach(cleanup);

/** Shaped like @valibot/to-json-schema output with the SDK's `x-ui` hints. */
const settingsSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    username: { type: 'string', maxLength: 80, 'x-ui': { label: 'Bot name', placeholder: 'Event Hub', help: 'Shown as the author.' } },
    avatarUrl: { type: 'string', format: 'uri', 'x-ui': { widget: 'url' } },
    retries: { type: 'integer', minimum: 0, maximum: 10, description: 'How many times to retry' },
    style: { type: 'string', enum: ['plain', 'embed'], 'x-ui': { label: 'Message style' } },
    allowMentions: { type: 'boolean', 'x-ui': { label: 'Allow @mentions' } },
    footer: { anyOf: [{ type: 'string', 'x-ui': { widget: 'textarea', label: 'Footer text' } }, { type: 'null' }] },
    tags: { type: 'array', items: { type: 'string' }, 'x-ui': { label: 'Tags' } },
    templates: { type: 'object', additionalProperties: { type: 'string' }, 'x-ui': { widget: 'template', label: 'Message templates' } },
    nested: { type: 'object', properties: { a: { type: 'string' } } },
  },
  required: ['username', 'style'],
};

const secretsSchema: JsonSchema = {
  type: 'object',
  properties: {
    webhookUrl: { type: 'string', format: 'uri', 'x-ui': { label: 'Discord webhook URL', secret: true } },
    botToken: { type: 'string' },
  },
  required: ['webhookUrl'],
};

function Harness({
  schema,
  prefix,
  allSecret = false,
  secretStatus,
  stored,
  onValues,
}: {
  schema: JsonSchema;
  prefix: string;
  allSecret?: boolean;
  secretStatus?: SecretStatus;
  stored?: Record<string, unknown>;
  onValues?: (values: FieldValues) => void;
}) {
  const { fields, unsupported } = describeSchema(schema, { allSecret });
  const form = useForm<Record<string, FieldValues>>({ defaultValues: { [prefix]: initialValues(fields, stored) } });
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit((values) => onValues?.(toPayload(fields, values[prefix]) as FieldValues))}>
        <SchemaFields
          fields={fields}
          unsupported={unsupported}
          prefix={prefix}
          secretStatus={secretStatus}
          templateSuggestions={[{ key: 'member.created', description: 'A member joined', placeholder: '👋 {{data.name}} joined' }]}
        />
        <button type="submit">Save</button>
      </form>
    </FormProvider>
  );
}

describe('describeSchema', () => {
  it('reads every supported shape, its hints and what is required', () => {
    const { fields, unsupported } = describeSchema(settingsSchema);
    const summary = Object.fromEntries(fields.map((field) => [field.name, `${field.kind}/${field.widget}/${field.label}/${field.required}`]));
    expect(summary).toEqual({
      username: 'string/text/Bot name/true',
      avatarUrl: 'string/url/Avatar url/false',
      retries: 'number/number/Retries/false',
      style: 'enum/select/Message style/true',
      allowMentions: 'boolean/checkbox/Allow @mentions/false',
      footer: 'string/textarea/Footer text/false',
      tags: 'string-list/list/Tags/false',
      templates: 'string-map/template/Message templates/false',
    });
    expect(fields.find((field) => field.name === 'retries')).toMatchObject({ integer: true, minimum: 0, maximum: 10, help: 'How many times to retry' });
    expect(unsupported).toEqual(['nested']);
  });

  it('marks every field of a secrets schema write-only', () => {
    const { fields } = describeSchema(secretsSchema, { allSecret: true });
    expect(fields.map((field) => [field.name, field.secret, field.widget])).toEqual([
      ['webhookUrl', true, 'url'],
      ['botToken', true, 'password'],
    ]);
  });
});

describe('<SchemaFields>', () => {
  it('renders a control per field with its label, help, placeholder and options', () => {
    render(<Harness schema={settingsSchema} prefix="settings" stored={{ username: 'Acme Bot', style: 'embed', allowMentions: true, tags: ['ops'] }} />);

    expect(screen.getByLabelText('Bot name')).toHaveValue('Acme Bot');
    expect(screen.getByLabelText('Bot name')).toHaveAttribute('placeholder', 'Event Hub');
    expect(screen.getByText('Shown as the author.')).toBeInTheDocument();
    expect(screen.getByLabelText('Avatar url')).toHaveAttribute('type', 'url');
    expect(screen.getByLabelText('Retries')).toHaveAttribute('type', 'number');
    expect(screen.getByLabelText('Message style')).toHaveValue('embed');
    expect([...(screen.getByLabelText('Message style') as HTMLSelectElement).options].map((option) => option.value)).toEqual(['', 'plain', 'embed']);
    expect(screen.getByLabelText('Allow @mentions')).toBeChecked();
    expect(screen.getByLabelText('Footer text').tagName).toBe('TEXTAREA');
    expect(screen.getByText('ops')).toBeInTheDocument();
    // Template maps offer the plugin's templates to customise, starting from the default text.
    expect(screen.queryByLabelText('member.created')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Customise the template for'), { target: { value: 'member.created' } });
    expect(screen.getByLabelText('member.created')).toHaveValue('👋 {{data.name}} joined');
    expect(screen.getByText('A member joined')).toBeInTheDocument();
    expect(screen.getByText(/Not editable here/)).toHaveTextContent('nested');
  });

  it('submits typed values with numbers as numbers and blanks left out', async () => {
    let submitted: FieldValues | undefined;
    render(<Harness schema={settingsSchema} prefix="settings" stored={{ username: 'Acme Bot', style: 'plain' }} onValues={(values) => (submitted = values)} />);
    fireEvent.change(screen.getByLabelText('Retries'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Customise the template for'), { target: { value: 'member.created' } });
    fireEvent.change(screen.getByLabelText('member.created'), { target: { value: 'Hi {{data.name}}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(submitted).toEqual({ username: 'Acme Bot', retries: 3, style: 'plain', allowMentions: false, templates: { 'member.created': 'Hi {{data.name}}' } }),
    );
  });

  it('shows secrets as write-only: empty inputs with a "Set"/"Not set" state, sent only when typed', async () => {
    let submitted: FieldValues | undefined;
    render(
      <Harness
        schema={secretsSchema}
        prefix="secrets"
        allSecret
        secretStatus={{ webhookUrl: { set: true }, botToken: { set: false } }}
        stored={{ webhookUrl: 'https://discord.com/api/webhooks/leak' }}
        onValues={(values) => (submitted = values)}
      />,
    );
    const url = screen.getByLabelText('Discord webhook URL');
    expect(url).toHaveValue('');
    expect(url).toHaveAttribute('type', 'password');
    expect(url).toHaveAttribute('placeholder', 'Leave empty to keep the current value');
    expect(screen.getByText('Set')).toBeInTheDocument();
    expect(screen.getByText('Not set')).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('leak');

    fireEvent.change(screen.getByLabelText('Bot token'), { target: { value: 'xoxb-new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submitted).toEqual({ botToken: 'xoxb-new' }));
  });
});

describe('fieldProblem', () => {
  const { fields } = describeSchema(settingsSchema);
  const field = (name: string) => fields.find((entry) => entry.name === name)!;
  const [webhookUrl] = describeSchema(secretsSchema, { allSecret: true }).fields;

  it('checks required, length, numbers, enums and URLs', () => {
    expect(fieldProblem(field('username'), '')).toBe('Bot name is required');
    expect(fieldProblem(field('username'), 'x'.repeat(81))).toBe('At most 80 characters');
    expect(fieldProblem(field('retries'), '11')).toBe('Must be at most 10');
    expect(fieldProblem(field('retries'), '1.5')).toBe('Enter a whole number');
    expect(fieldProblem(field('retries'), '')).toBeNull();
    expect(fieldProblem(field('style'), 'fancy')).toBe('Choose one of the options');
    expect(fieldProblem(field('avatarUrl'), 'not a url')).toBe('Enter a full URL starting with https://');
    expect(fieldProblem(field('avatarUrl'), 'https://cdn.example.com/a.png')).toBeNull();
  });

  it('lets a required secret stay empty when the server already has it', () => {
    expect(fieldProblem(webhookUrl!, '')).toBe('Discord webhook URL is required');
    expect(fieldProblem(webhookUrl!, '', true)).toBeNull();
  });
});

import * as v from 'valibot';
import type { FieldSpec } from './json-schema.ts';

/**
 * Form values for schema fields and their conversion to what the API takes. In the form, numbers
 * are kept as the typed text (so "" means unset), lists as string[], maps as Record<string,string>,
 * and secrets always start empty: they are write-only.
 */
export type FieldValue = string | boolean | readonly string[] | Readonly<Record<string, string>>;
export type FieldValues = Record<string, FieldValue>;

/** Which write-only fields already have a value on the server. */
export type SecretStatus = Readonly<Record<string, { readonly set: boolean }>>;

function emptyValue(field: FieldSpec): FieldValue {
  switch (field.kind) {
    case 'boolean':
      return false;
    case 'string-list':
      return [];
    case 'string-map':
      return {};
    case 'string':
    case 'number':
    case 'enum':
      return '';
  }
}

function fromStored(field: FieldSpec, stored: unknown): FieldValue {
  switch (field.kind) {
    case 'boolean':
      return stored === true;
    case 'number':
      return typeof stored === 'number' ? String(stored) : '';
    case 'string':
    case 'enum':
      return typeof stored === 'string' ? stored : '';
    case 'string-list':
      return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
    case 'string-map': {
      if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
      return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  }
}

/** Starting values: the stored settings, else the schema default; secrets always empty. */
export function initialValues(fields: readonly FieldSpec[], stored: Readonly<Record<string, unknown>> = {}): FieldValues {
  const values: FieldValues = {};
  for (const field of fields) {
    if (field.secret) values[field.name] = emptyValue(field);
    else if (field.name in stored) values[field.name] = fromStored(field, stored[field.name]);
    else if (field.defaultValue !== undefined) values[field.name] = fromStored(field, field.defaultValue);
    else values[field.name] = emptyValue(field);
  }
  return values;
}

function isBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((entry) => entry === '');
  return false;
}

/**
 * The request body for these fields: blanks are left out (the server applies defaults), numbers
 * are numbers, and a secret is only sent when something was typed into it.
 */
export function toPayload(fields: readonly FieldSpec[], values: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      if (!field.secret || value === true) payload[field.name] = value === true;
      continue;
    }
    if (isBlank(value)) continue;
    switch (field.kind) {
      case 'number':
        payload[field.name] = Number(value);
        break;
      case 'string-map':
        payload[field.name] = Object.fromEntries(Object.entries(value as Record<string, string>).filter(([, text]) => text !== ''));
        break;
      case 'string':
      case 'enum':
      case 'string-list':
        payload[field.name] = value;
        break;
    }
  }
  return payload;
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** What is wrong with one value, or null. Secrets already set on the server may stay empty. */
export function fieldProblem(field: FieldSpec, value: unknown, alreadySet = false): string | null {
  if (isBlank(value)) {
    if (field.required && !(field.secret && alreadySet)) return `${field.label} is required`;
    return null;
  }
  switch (field.kind) {
    case 'string': {
      const text = String(value);
      if (field.minLength !== undefined && text.length < field.minLength) return `At least ${field.minLength} characters`;
      if (field.maxLength !== undefined && text.length > field.maxLength) return `At most ${field.maxLength} characters`;
      if ((field.widget === 'url' || field.format === 'uri' || field.format === 'url') && !isUrl(text)) return 'Enter a full URL starting with https://';
      if (field.format === 'email' && !/^[^\s@]+@[^\s@]+$/.test(text)) return 'Enter an email address';
      if (field.pattern) {
        try {
          // The pattern is a valibot regex's source; its flags are lost, so use none.
          if (!new RegExp(field.pattern).test(text)) {
            return field.placeholder ? `Does not look right; expected something like ${field.placeholder}` : 'Does not match the expected format';
          }
        } catch {
          // A pattern the browser cannot compile is left to the server.
        }
      }
      return null;
    }
    case 'number': {
      const number = Number(value);
      if (!Number.isFinite(number)) return 'Enter a number';
      if (field.integer && !Number.isInteger(number)) return 'Enter a whole number';
      if (field.minimum !== undefined && number < field.minimum) return `Must be at least ${field.minimum}`;
      if (field.maximum !== undefined && number > field.maximum) return `Must be at most ${field.maximum}`;
      return null;
    }
    case 'enum':
      return field.options?.includes(String(value)) ? null : 'Choose one of the options';
    case 'string-list':
      return field.minLength !== undefined && (value as readonly string[]).length < field.minLength ? `Add at least ${field.minLength}` : null;
    case 'boolean':
    case 'string-map':
      return null;
  }
}

/**
 * A valibot schema checking these fields, for use inside a react-hook-form resolver; each issue
 * lands on `<prefix>.<field>`, and a missing key is checked like an empty value.
 */
export function fieldsSchema(fields: readonly FieldSpec[], secretStatus: SecretStatus = {}) {
  return v.pipe(
    v.custom<FieldValues>((input) => typeof input === 'object' && input !== null && !Array.isArray(input), 'Expected an object'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const values = dataset.value;
      for (const field of fields) {
        const value = values[field.name];
        const problem = fieldProblem(field, value, secretStatus[field.name]?.set === true);
        if (problem) addIssue({ message: problem, path: [{ type: 'object', origin: 'value', input: values, key: field.name, value }] });
      }
    }),
  );
}

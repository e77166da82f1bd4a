import type { JsonSchema } from '../api/types.ts';

/**
 * Turns a plugin's JSON Schema (from `@valibot/to-json-schema`, with `x-ui` hints) into flat field
 * descriptions the dashboard can render and validate without knowing the plugin.
 */

/** The UI hints a plugin attaches with `ui({...})` in the SDK; carried as `x-ui`. */
export interface UiHints {
  readonly widget?: 'text' | 'textarea' | 'password' | 'select' | 'checkbox' | 'number' | 'template' | 'url';
  readonly label?: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly secret?: boolean;
}

export type FieldKind = 'string' | 'number' | 'boolean' | 'enum' | 'string-list' | 'string-map';

export type Widget = 'text' | 'textarea' | 'password' | 'template' | 'url' | 'select' | 'checkbox' | 'number' | 'list' | 'map';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly widget: Widget;
  readonly label: string;
  readonly help?: string | undefined;
  readonly placeholder?: string | undefined;
  readonly required: boolean;
  /** Write-only: the value is never read back, only "set" / "not set". */
  readonly secret: boolean;
  readonly options?: readonly string[];
  readonly integer?: boolean;
  readonly minimum?: number | undefined;
  readonly maximum?: number | undefined;
  readonly minLength?: number | undefined;
  readonly maxLength?: number | undefined;
  readonly pattern?: string | undefined;
  readonly format?: string | undefined;
  readonly defaultValue?: unknown;
}

export interface DescribedSchema {
  readonly fields: readonly FieldSpec[];
  /** Properties with a shape the renderer does not support (nested objects, unions...). */
  readonly unsupported: readonly string[];
}

type Node = Readonly<Record<string, unknown>>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function hintsOf(node: Node): UiHints {
  const hints = node['x-ui'] ?? node['ui'];
  return isNode(hints) ? (hints as UiHints) : {};
}

function typesOf(node: Node): string[] {
  const type = node['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/** Strip `null` from nullable unions (`anyOf: [X, {type: 'null'}]`, `type: ['string', 'null']`). */
function unwrapNullable(node: Node): Node {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (!Array.isArray(branches)) continue;
    const rest = branches.filter((branch): branch is Node => isNode(branch) && !(branch['type'] === 'null'));
    if (rest.length === 1 && rest[0]) {
      const { [key]: _dropped, ...outer } = node;
      return { ...rest[0], ...outer };
    }
  }
  return node;
}

function enumOptions(node: Node): string[] | undefined {
  const values = node['enum'];
  if (Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string')) return values as string[];
  if (typeof node['const'] === 'string') return [node['const']];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.length > 0 && branches.every((b) => isNode(b) && typeof b['const'] === 'string')) {
      return (branches as Node[]).map((branch) => branch['const'] as string);
    }
  }
  return undefined;
}

/** "webhookUrl" -> "Webhook url", "allowed_mentions" -> "Allowed mentions". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function describeProperty(name: string, raw: Node, required: boolean, forceSecret: boolean): FieldSpec | null {
  const node = unwrapNullable(raw);
  const hints = { ...hintsOf(node), ...hintsOf(raw) };
  const types = typesOf(node).filter((type) => type !== 'null');
  const common = {
    name,
    label: hints.label ?? str(node['title']) ?? humanize(name),
    help: hints.help ?? str(node['description']),
    placeholder: hints.placeholder,
    required,
    secret: forceSecret || hints.secret === true,
    defaultValue: node['default'],
  };

  const options = enumOptions(node);
  if (options) return { ...common, kind: 'enum', widget: 'select', options };

  switch (types[0]) {
    case 'string': {
      const format = str(node['format']);
      const widget =
        hints.widget === 'textarea' || hints.widget === 'template' || hints.widget === 'url' || hints.widget === 'password'
          ? hints.widget
          : format === 'uri' || format === 'url'
            ? 'url'
            : common.secret
              ? 'password'
              : 'text';
      return {
        ...common,
        kind: 'string',
        widget,
        minLength: num(node['minLength']),
        maxLength: num(node['maxLength']),
        pattern: str(node['pattern']),
        format,
      };
    }
    case 'number':
    case 'integer':
      return {
        ...common,
        kind: 'number',
        widget: 'number',
        integer: types[0] === 'integer',
        minimum: num(node['minimum']) ?? num(node['exclusiveMinimum']),
        maximum: num(node['maximum']) ?? num(node['exclusiveMaximum']),
      };
    case 'boolean':
      return { ...common, kind: 'boolean', widget: 'checkbox', required: false };
    case 'array': {
      const items = isNode(node['items']) ? unwrapNullable(node['items']) : null;
      if (items && typesOf(items).includes('string')) return { ...common, kind: 'string-list', widget: 'list', minLength: num(node['minItems']) };
      return null;
    }
    case 'object': {
      const values = node['additionalProperties'];
      const hasFixedProperties = isNode(node['properties']) && Object.keys(node['properties']).length > 0;
      if (!hasFixedProperties && isNode(values) && typesOf(unwrapNullable(values)).includes('string')) {
        return { ...common, kind: 'string-map', widget: hints.widget === 'template' ? 'template' : 'map' };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The top-level properties of an object schema as renderable fields, in declaration order.
 *
 * @example
 * describeSchema({ type: 'object', properties: { username: { type: 'string', 'x-ui': { label: 'Bot name' } } } })
 * // { fields: [{ name: 'username', kind: 'string', widget: 'text', label: 'Bot name', required: false, ... }], unsupported: [] }
 */
export function describeSchema(schema: JsonSchema | null | undefined, options: { allSecret?: boolean } = {}): DescribedSchema {
  if (!isNode(schema) || !isNode(schema['properties'])) return { fields: [], unsupported: [] };
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as unknown[]).filter((r) => typeof r === 'string') : []);
  const fields: FieldSpec[] = [];
  const unsupported: string[] = [];
  for (const [name, property] of Object.entries(schema['properties'])) {
    const field = isNode(property) ? describeProperty(name, property, required.has(name), options.allSecret === true) : null;
    if (field) fields.push(field);
    else unsupported.push(name);
  }
  return { fields, unsupported };
}

import { toJsonSchema } from '@valibot/to-json-schema';
import type { ObjectSchema } from '@hub/plugin-sdk';

type JsonSchema = Record<string, unknown>;

/**
 * Turn a plugin's valibot schema into JSON Schema for the dashboard's generic forms. UI hints
 * given with the SDK's `ui()` (valibot `metadata`) travel as `x-ui` on the property.
 */
export function pluginSchemaToJson(schema: ObjectSchema): JsonSchema {
  return toJsonSchema(schema, {
    errorMode: 'throw',
    overrideAction: ({ valibotAction, jsonSchema }) => {
      if (valibotAction.kind === 'metadata' && valibotAction.type === 'metadata') {
        const metadata = (valibotAction as unknown as { metadata: Record<string, unknown> }).metadata;
        if (metadata['ui'] !== undefined) {
          // to-json-schema copies metadata keys verbatim; publish the hints under one vendor key.
          const { ui: _ui, ...rest } = jsonSchema as JsonSchema;
          return { ...rest, 'x-ui': metadata['ui'] } as typeof jsonSchema;
        }
      }
      return jsonSchema;
    },
  }) as JsonSchema;
}

/**
 * The SDK contract version a plugin was built against. Core refuses plugins whose
 * `apiVersion` it does not support.
 */
export const SDK_API_VERSION = 1 as const;

/** Versions of the contract this SDK (and therefore core) understands. */
export const SUPPORTED_API_VERSIONS: readonly number[] = [1];

/**
 * Brand put on every plugin object by `defineSource` / `defineSink`. A global symbol, so a
 * plugin built against another copy of the SDK is still recognised: check the brand, never
 * `instanceof`.
 */
export const PLUGIN_BRAND: unique symbol = Symbol.for('@hub/plugin-sdk/plugin') as never;

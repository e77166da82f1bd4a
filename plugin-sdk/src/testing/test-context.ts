import type { SinkContext, SourceContext } from '../context.ts';
import type { PayloadSigner } from '../signer.ts';
import type { TemplateRenderer } from '../template.ts';
import { createFakeSigner, recordingSigner, type FakeSigner } from './fake-signer.ts';
import { httpStub, type HttpStub, type StubStep } from './http-stub.ts';
import { createRecordingLogger, type RecordingLogger } from './recording-logger.ts';
import { createSimpleTemplateRenderer, recordingRenderer, type RecordingTemplateRenderer } from './simple-template-renderer.ts';

/** The fixed time test contexts use unless told otherwise. */
export const TEST_NOW = new Date('2026-01-01T12:00:00.000Z');

export interface TestContextOptions<TSettings, TSecrets> {
  readonly settings: TSettings;
  readonly secrets: TSecrets;
  /** A stub, or the steps of a new one. @defaultValue a stub with no steps (any request fails) */
  readonly http?: HttpStub | readonly StubStep[];
  /** @defaultValue {@link TEST_NOW} */
  readonly now?: Date | (() => Date);
  /** A real renderer (e.g. core's engine) to use instead of the simple one; its calls are recorded. */
  readonly templates?: TemplateRenderer;
}

export interface TestSinkContextOptions<TSettings, TSecrets> extends TestContextOptions<TSettings, TSecrets> {
  /** @defaultValue 1 */
  readonly attempt?: number;
  /** @defaultValue 'dlv_test_0001' */
  readonly deliveryId?: string;
  /** @defaultValue a signal that never aborts */
  readonly signal?: AbortSignal;
  /** A signer to use instead of the fake one; its calls are still recorded. */
  readonly signer?: PayloadSigner;
}

/** A plugin context whose services are test doubles you can inspect. */
export interface TestSourceContext<TSettings, TSecrets> extends SourceContext<TSettings, TSecrets> {
  readonly logger: RecordingLogger;
  readonly http: HttpStub;
  readonly templates: RecordingTemplateRenderer;
}

export interface TestSinkContext<TSettings, TSecrets> extends SinkContext<TSettings, TSecrets> {
  readonly logger: RecordingLogger;
  readonly http: HttpStub;
  readonly templates: RecordingTemplateRenderer;
  readonly signer: FakeSigner;
}

/**
 * A source context for plugin tests.
 *
 * @example
 * const ctx = createTestSourceContext({ settings: {}, secrets: { webhookSecret: 's3cret' } });
 * expect(github.ingress.verify(ctx, request)).toEqual({ ok: true });
 */
export function createTestSourceContext<TSettings, TSecrets>(
  options: TestContextOptions<TSettings, TSecrets>,
): TestSourceContext<TSettings, TSecrets> {
  const { now } = options;
  return {
    settings: options.settings,
    secrets: options.secrets,
    logger: createRecordingLogger(),
    http: isHttpStub(options.http) ? options.http : httpStub(options.http),
    templates: options.templates ? recordingRenderer(options.templates) : createSimpleTemplateRenderer(),
    now: typeof now === 'function' ? now : () => new Date((now ?? TEST_NOW).getTime()),
  };
}

/**
 * A sink context for plugin tests: recording logger, scriptable HTTP stub, simple template
 * renderer and a deterministic signer.
 *
 * @example
 * const ctx = createTestSinkContext({ settings: {}, secrets: {}, http: [{ status: 503 }] });
 * const outcome = await plugin.deliver(ctx, createDeliverInput({ url: 'https://example.com/hook' }));
 * expect(outcome).toMatchObject({ kind: 'failed', class: 'retryable' });
 */
export function createTestSinkContext<TSettings, TSecrets>(
  options: TestSinkContextOptions<TSettings, TSecrets>,
): TestSinkContext<TSettings, TSecrets> {
  const base = createTestSourceContext(options);
  const signer = options.signer ? recordingSigner(options.signer) : createFakeSigner({ now: base.now });
  return {
    ...base,
    attempt: options.attempt ?? 1,
    deliveryId: options.deliveryId ?? 'dlv_test_0001',
    signal: options.signal ?? new AbortController().signal,
    signer,
  };
}

function isHttpStub(value: HttpStub | readonly StubStep[] | undefined): value is HttpStub {
  return value !== undefined && 'request' in value;
}

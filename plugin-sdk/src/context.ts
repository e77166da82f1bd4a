import type { HttpClient } from './http.ts';
import type { PluginLogger } from './logger.ts';
import type { PayloadSigner } from './signer.ts';
import type { TemplateRenderer } from './template.ts';

/** What every plugin hook receives: validated settings and secrets plus core services. */
export interface PluginContext<TSettings, TSecrets> {
  /** Settings, already validated with the plugin's `settings` schema. */
  readonly settings: TSettings;
  /** Secrets, decrypted and validated with the plugin's `secrets` schema. Never log them. */
  readonly secrets: TSecrets;
  readonly logger: PluginLogger;
  /** The SSRF-guarded client; the only way a plugin may reach the network. */
  readonly http: HttpClient;
  readonly templates: TemplateRenderer;
  /** The hub's clock (injected in tests). */
  now(): Date;
}

/** Context of one delivery attempt. */
export interface SinkContext<TSettings, TSecrets> extends PluginContext<TSettings, TSecrets> {
  /** Stable across retries: the idempotency key receivers can use. */
  readonly deliveryId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Aborted when the attempt times out or the worker shuts down. */
  readonly signal: AbortSignal;
  readonly signer: PayloadSigner;
}

/** Context of an inbound request to a source. */
export type SourceContext<TSettings, TSecrets> = PluginContext<TSettings, TSecrets>;

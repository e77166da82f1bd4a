/**
 * Signs outgoing payloads with the webhook's active secrets. Core owns the keys; a sink only
 * asks for headers. Produces `X-Webhook-Timestamp`, `X-Webhook-Signature: t=<ts>,v1=<hex>`
 * (one `v1` per active secret) and the Standard Webhooks trio `webhook-id`,
 * `webhook-timestamp`, `webhook-signature`.
 *
 * @example
 * const headers = ctx.signer.sign({ messageId: input.event.id, body: input.payload.body });
 */
export interface PayloadSigner {
  sign(input: { messageId: string; body: string; timestampSeconds?: number }): Record<string, string>;
}

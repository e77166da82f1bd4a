/**
 * The plugin author's test kit: `import { ... } from '@hub/plugin-sdk/testing'`. Test doubles
 * for every context service, input builders, signed GitHub requests, and the sink conformance
 * suite every sink runs.
 */
export { createTestSinkContext, createTestSourceContext, TEST_NOW } from './test-context.ts';
export type { TestContextOptions, TestSinkContextOptions, TestSinkContext, TestSourceContext } from './test-context.ts';
export { createRecordingLogger } from './recording-logger.ts';
export type { LogLevel, LogRecord, RecordingLogger } from './recording-logger.ts';
export { httpStub } from './http-stub.ts';
export type { HttpStub, StubResponse, StubStep } from './http-stub.ts';
export { createSimpleTemplateRenderer, recordingRenderer } from './simple-template-renderer.ts';
export type { RecordingTemplateRenderer, RenderCall } from './simple-template-renderer.ts';
export { createFakeSigner, recordingSigner, TEST_SIGNING_SECRET } from './fake-signer.ts';
export type { FakeSigner } from './fake-signer.ts';
export { createDeliverInput, createTestEvent, envelopeBody } from './deliver-input.ts';
export { githubSignature256, signGithubRequest } from './github-request.ts';
export type { SignGithubRequestOptions } from './github-request.ts';
export { runSinkConformance } from './sink-conformance.ts';
export type {
  ConformanceCase,
  ConformanceExpect,
  ExpectedOutcome,
  SinkConformanceOptions,
  StatusOverride,
} from './sink-conformance.ts';

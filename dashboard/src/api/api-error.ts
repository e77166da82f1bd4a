import type { FieldIssue } from './types.ts';

/**
 * Every failed API call rejects with this: the HTTP status and the server's
 * `{error: {code, message, details}}`, or a synthetic code for network failures.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }

  /** 422 details as `{path, message}` with dotted paths; empty when the server sent none. */
  get fieldIssues(): FieldIssue[] {
    return toFieldIssues(this.details);
  }
}

/** Recognise by name so errors crossing module copies (tests, HMR) still match. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as Partial<ApiError>).status === 'number';
}

/** A message for people: the server's own message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}

function toFieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  const issues: FieldIssue[] = [];
  for (const entry of details as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') continue;
    issues.push({ path: normalisePath(path), message });
  }
  return issues;
}

function normalisePath(path: unknown): string {
  if (typeof path === 'string') return path.replace(/^\//, '').replaceAll('/', '.');
  if (Array.isArray(path)) {
    return path
      .map((part: unknown) => (typeof part === 'object' && part !== null && 'key' in part ? String(part.key) : String(part)))
      .join('.');
  }
  return '';
}

/** Turn a non-2xx response into an ApiError, whatever its body. */
export async function parseErrorResponse(response: Response): Promise<ApiError> {
  const fallback = `Request failed (${response.status}${response.statusText ? ` ${response.statusText}` : ''})`;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new ApiError(response.status, `http_${response.status}`, fallback);
  }
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      typeof code === 'string' ? code : `http_${response.status}`,
      typeof message === 'string' && message !== '' ? message : fallback,
      details,
    );
  }
  return new ApiError(response.status, `http_${response.status}`, fallback);
}

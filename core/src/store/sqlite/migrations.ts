/**
 * The SQLite schema as ordered, append-only migrations: never edit a shipped one, add the next
 * version. Column names are the snake_case of the port's field names (see `row-codec.ts`).
 * Times are ISO 8601 UTC text, which sorts in time order; JSON columns hold arrays and objects.
 *
 * Foreign keys, and why there are few:
 * - deliveries keep `event_id` and `webhook_id` as plain references. Deleting a webhook keeps
 *   its deliveries and their attempts, because they are the history people audit and replay;
 *   and test sends may create deliveries for events that were never stored.
 * - attempts belong to a delivery (cascade), and sessions to a user (cascade): neither means
 *   anything without its parent.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const initialSchema = /* sql */ `
CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX communities_by_created ON communities (created_at, id);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  memberships TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE INDEX users_by_created ON users (created_at, id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  community_id TEXT NOT NULL,
  scopes TEXT NOT NULL,
  prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
) STRICT;
CREATE INDEX api_keys_by_community ON api_keys (community_id, created_at, id);
CREATE INDEX api_keys_by_created ON api_keys (created_at, id);

CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  name TEXT NOT NULL,
  connector TEXT NOT NULL,
  url TEXT,
  events TEXT NOT NULL,
  secrets TEXT NOT NULL,
  settings TEXT NOT NULL,
  plugin_secrets_ciphertext TEXT,
  plugin_secret_fields TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  disabled_reason TEXT,
  retry_schedule TEXT,
  consecutive_dead INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX webhooks_by_community ON webhooks (community_id, created_at, id);
CREATE INDEX webhooks_by_created ON webhooks (created_at, id);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  type TEXT NOT NULL,
  source TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  processed INTEGER NOT NULL CHECK (processed IN (0, 1)),
  processed_at TEXT
) STRICT;
CREATE INDEX events_by_community ON events (community_id, received_at, id);
CREATE INDEX events_by_received ON events (received_at, id);
CREATE INDEX events_unprocessed ON events (received_at, id) WHERE processed = 0;

CREATE TABLE deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL,
  webhook_id TEXT NOT NULL,
  community_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'succeeded', 'dead')),
  attempts INTEGER NOT NULL,
  next_attempt_at TEXT,
  last_response_code INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
) STRICT;
CREATE UNIQUE INDEX deliveries_event_webhook_unique ON deliveries (event_id, webhook_id);
CREATE INDEX deliveries_by_community ON deliveries (community_id, created_at, id);
CREATE INDEX deliveries_by_status ON deliveries (status, created_at, id);
CREATE INDEX deliveries_by_webhook ON deliveries (webhook_id, created_at, id);
CREATE INDEX deliveries_by_created ON deliveries (created_at, id);

CREATE TABLE delivery_attempts (
  id TEXT PRIMARY KEY,
  delivery_id TEXT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  "trigger" TEXT NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms REAL NOT NULL,
  request_headers TEXT NOT NULL,
  response_code INTEGER,
  response_body TEXT,
  success INTEGER NOT NULL CHECK (success IN (0, 1)),
  error_class TEXT,
  error_message TEXT,
  next_attempt_at TEXT
) STRICT;
CREATE UNIQUE INDEX delivery_attempts_number_unique ON delivery_attempts (delivery_id, number);

CREATE TABLE sources (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL,
  plugin TEXT NOT NULL,
  name TEXT NOT NULL,
  settings TEXT NOT NULL,
  secrets_ciphertext TEXT,
  secret_fields TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX sources_by_community ON sources (community_id, created_at, id);
CREATE INDEX sources_by_created ON sources (created_at, id);

CREATE TABLE audit_entries (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  community_id TEXT,
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  details TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_community ON audit_entries (community_id, at, id);
CREATE INDEX audit_by_target ON audit_entries (target_id, at, id);
CREATE INDEX audit_by_at ON audit_entries (at, id);
`;

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial schema', sql: initialSchema }];

import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../observability/logger.ts';
import { hashPassword } from '../security/passwords.ts';
import type { Store } from '../store/ports.ts';

/**
 * First start: create the `default` community and, when there are no users, the instance owner
 * from HUB_ADMIN_EMAIL / HUB_ADMIN_PASSWORD. A generated password is printed once, to stdout.
 */
export async function bootstrap(options: {
  store: Store;
  clock: Clock;
  logger: Logger;
  admin: { email: string; password: string | undefined };
  print?: (line: string) => void;
}): Promise<void> {
  const { store, clock, logger, admin } = options;
  const now = clock.now().toISOString();
  if (!(await store.communities.get('default'))) {
    await store.communities.create({ id: 'default', name: 'Default community', createdAt: now, updatedAt: now });
    logger.info({ communityId: 'default' }, 'created the default community');
  }
  if ((await store.users.count()) > 0) return;
  const password = admin.password ?? randomBytes(18).toString('base64url');
  await store.users.create({
    id: newId('usr'),
    email: admin.email.toLowerCase(),
    name: 'Owner',
    passwordHash: await hashPassword(password),
    memberships: [{ communityId: '*', role: 'owner' }],
    createdAt: now,
    updatedAt: now,
  });
  logger.info({ email: admin.email }, 'created the instance owner');
  if (admin.password === undefined) {
    // Shown once, outside the JSON log, so it does not end up in log storage.
    (options.print ?? ((line) => process.stdout.write(`${line}\n`)))(
      `\n  Owner account created: ${admin.email}\n  Password (shown once, change it or set HUB_ADMIN_PASSWORD): ${password}\n`,
    );
  }
}

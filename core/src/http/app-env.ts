import type { Principal } from '../auth/principal.ts';

/** Hono's typed context variables, set by the auth middleware. */
export interface AppEnv {
  Variables: {
    principal: Principal;
  };
}

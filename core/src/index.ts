/** The public surface of @hub/core for embedding the hub in another Node.js app. */
export { createHub, startHubWorkers, closeHub } from './create-hub.ts';
export { createApp } from './http/create-app.ts';
export { loadConfig } from './config/load-config.ts';
export type { HubConfig } from './config/load-config.ts';
export type { Hub } from './hub.ts';
export { createHttpEventClient, createInProcessEventClient, EmitEventError } from './events/emit-event.ts';
export type { CommunityEventMap, CommunityEventType, EmitOptions, EmitResult, EventClient } from './events/emit-event.ts';

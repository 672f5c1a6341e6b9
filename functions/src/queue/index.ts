/** What the app composition wires: the router, the chat handlers, the demo seed. See docs/queue.md. */
export { queuePostbackHandlers, queueRouter, queueTextHandlers, type QueueRouterDeps } from './routes.ts';
export { seedDemoServices, DEMO_SERVICES } from './demo.ts';
export { QUEUE_COLLECTIONS } from './collections.ts';
export { createNumberClaimer, type NumberClaimer } from './numbering.ts';

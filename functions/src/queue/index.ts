/** What the app composition wires: the queue's deps, the router, the chat handlers, the demo seed. See docs/queue.md. */
export { queueRouter, type QueueRouterDeps } from './routes.ts';
export { queuePostbackHandlers, queueTextHandlers } from './line.ts';
export { createQueueDeps, type QueueDeps } from './deps.ts';
export { createQueueStore, seedDemoServices, type QueueStore } from './store.ts';
export { DEMO_SERVICES } from './demo.ts';
export { QUEUE_COLLECTIONS } from './collections.ts';
export { createNumberClaimer, type NumberClaimer } from './numbering.ts';

/**
 * Shared building blocks for every page, in three files: links, buttons and form controls (ui/fields.tsx), notices,
 * loading and failure views (ui/notices.tsx), and the data hook with its helpers (ui/hooks.ts). Pages import from here.
 */
export * from './ui/fields.tsx';
export * from './ui/notices.tsx';
export * from './ui/hooks.ts';

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Besides the usual checks, the architecture rules (docs/architecture.md, "Rules that keep it so"):
 * 1. no import cycles: not here but in scripts/check-cycles.ts, which `npm run lint` runs after eslint (it counts
 *    `import type` too, which eslint-plugin-import-x's no-cycle skips; docs/decisions/100-import-cycle-check.md);
 * 2. only stores touch Firestore: outside a store no file imports a Firestore package (the handle's type comes from
 *    store/firestore.ts) or calls the client's collection/transaction/batch methods;
 * 3. API contracts (functions/src/contracts/) are pure, and the LIFF app takes server code as types only, except the
 *    pure shared rules it runs (time/, text/numbers.ts, the status tables).
 */

/** Stores: the only files that may use the Firestore client. */
const STORES = ['functions/src/**/store.ts', 'functions/src/**/*Store.ts', 'functions/src/**/store/**'];
/**
 * Wiring files that must create or hold the Firestore client themselves, each with its reason. None today: the
 * client is opened in store/firestore.ts (a store), and runtime.ts, index.ts and the CLIs only pass the handle on.
 */
const FIRESTORE_WIRING = [];

const FIRESTORE_PACKAGES = {
  paths: [
    { name: 'firebase-admin/firestore', message: 'Only stores (store.ts, *Store.ts, store/) touch Firestore; take the type Firestore from store/firestore.ts.' },
    { name: '@google-cloud/firestore', message: 'Only stores (store.ts, *Store.ts, store/) touch Firestore; take the type Firestore from store/firestore.ts.' },
  ],
};
const FIRESTORE_CALLS = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(collection|collectionGroup|runTransaction|batch|bulkWriter|recursiveDelete|listCollections)$/]",
  message: 'Only stores (store.ts, *Store.ts, store/) call Firestore: add a verb-noun function to the feature\'s store.',
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'functions/lib/**', '**/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['functions/src/**/*.ts'],
    ignores: [...STORES, ...FIRESTORE_WIRING],
    rules: {
      'no-restricted-imports': ['error', FIRESTORE_PACKAGES],
      'no-restricted-syntax': ['error', FIRESTORE_CALLS],
    },
  },
  {
    files: ['functions/src/contracts/tables/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '.', message: 'A shared table imports nothing: the LIFF app runs it.' }] }] },
  },
  {
    files: ['functions/src/contracts/**/*.ts'],
    ignores: ['functions/src/contracts/tables/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '^(?!zod$|\\./[^/]+\\.ts$|\\./tables/[^/]+\\.ts$|\\.\\./(?:\\.\\./)?time/[^/]+\\.ts$|\\.\\./(?:\\.\\./)?text/(?:numbers|clean)\\.ts$)',
          message: 'Contracts are pure: zod, other contracts and the pure shared rules (time/, text/numbers.ts, text/clean.ts) only.',
        }],
      }],
    },
  },
  {
    files: ['liff-app/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: 'functions/src/(?!time/|text/numbers\\.ts$|contracts/tables/|[a-z]+/statusNames\\.ts$)',
          allowTypeImports: true,
          message: 'The LIFF app takes API shapes from functions/src/contracts with `import type` (no server code in the bundle).',
        }],
      }],
    },
  },
);

// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layering, VS Code style: arrows point inward. The domain (`estimator/`, `catalog/`) knows nothing
 * of the UI, storage or the desktop shell; nothing imports `renderer/` or `electron/` except the
 * renderer's type-only view of the preload API (`electron/api`).
 */
const UI_AND_SHELL = [
  'react',
  'react-dom',
  'react-dom/*',
  'dexie',
  'electron',
  'mobx',
  'mobx-react-lite',
  'ag-grid-*',
  'ag-charts-*',
  'i18next',
  'react-i18next',
];
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'https',
  'net',
  'url',
  'crypto',
];
const OUTER_LAYERS = ['**/renderer/**', '**/electron/**', '../renderer', '../electron'];

const restrict = (/** @type {string[]} */ names, /** @type {string[]} */ paths, /** @type {string} */ why) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: names, message: why },
        { group: paths, message: why },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-electron/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '**/__fixtures__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['estimator/**/*.ts', 'catalog/**/*.ts'],
    ignores: ['estimator/cli/**', '**/*.test.ts'],
    rules: restrict(
      [...UI_AND_SHELL, ...NODE_BUILTINS],
      OUTER_LAYERS,
      'The domain runs in Node, a worker and the browser: no UI, storage, shell or Node imports (ARCHITECTURE.md).',
    ),
  },
  {
    files: ['estimator/cli/**/*.ts', 'estimator/**/*.test.ts', 'catalog/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(
      UI_AND_SHELL,
      OUTER_LAYERS,
      'The domain and its command lines never import the UI or the desktop shell.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // All UI text goes through the message catalog (i18n): no bare strings in JSX.
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: false,
          ignoreProps: true,
          allowedStrings: ['·', '—', '–', '×', '%', '/', ':', '(', ')', '+', '−', '±', '…', '|', '→'],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(electron|node:.*|fs|path|os|child_process|worker_threads|http|https|net|url|crypto)(/.*)?$',
              message: 'The renderer is sandboxed: reach the shell only through window.planner (electron/api.ts).',
            },
            {
              group: ['**/electron/*', '!**/electron/api'],
              message: 'The renderer may only import the preload API types (electron/api).',
            },
            {
              group: ['**/electron/api'],
              allowTypeImports: true,
              message: 'Type-only: the renderer sees the preload API as a type.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.node } },
    // Tests read fixtures from disk; the sandbox rule is for code that ships.
    rules: { 'react/jsx-no-literals': 'off', '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict(
      ['react', 'react-dom', 'dexie', 'mobx', 'mobx-react-lite', 'ag-grid-*', 'ag-charts-*'],
      ['**/renderer/**', '../renderer'],
      'The shell computes nothing and never imports the renderer.',
    ),
  },
  {
    files: ['scripts/**/*.{js,mjs,ts}', 'e2e/**/*.ts', 'build/**/*.{js,ts,cjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);

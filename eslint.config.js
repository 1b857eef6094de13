import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-bench/', 'node_modules/', 'src/db/migrations/', '.data/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['scripts/**', 'bench/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['src/platform/assets/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The domain is pure rules: no database, no web framework, no files or network, and no feature or platform code.
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db', '**/db/**', '**/platform', '**/platform/**', '**/features/**', '**/services.js', '**/config.js'],
              message: 'src/domain does no I/O: keep it free of the database, the platform and the features.',
            },
            {
              group: ['node:*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*', 'fastify', '@fastify/*', 'nodemailer'],
              message: 'src/domain does no I/O: pass the data in instead.',
            },
          ],
        },
      ],
    },
  },
);

// Lints our own TypeScript; generated types are openapi-typescript's and are left alone.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['src/generated/**', 'node_modules/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // bin/ is CommonJS too (bin/package.json).
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The dashboard and the reference page run in the browser, as plain ES modules.
    files: ['dashboard/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'window', 'document', 'fetch', 'sessionStorage', 'navigator', 'Blob', 'Node', 'Option', 'HashChangeEvent',
          'TextDecoderStream', 'MutationObserver', 'AbortController', 'URLSearchParams', 'setTimeout', 'clearTimeout',
          'SwaggerUIBundle',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
)

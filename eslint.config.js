import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Type-checked linting: one TypeScript program for the whole repo (tsconfig.check.json, the one
// `make typecheck` builds), so every file is parsed with types once.
const TESTS = ['**/*.test.ts', '**/test-support/**', 'test/e2e/**', 'test/bench/**', 'test/src/**', 'test/scenarios/**'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Messages print counts, flags and optional values on purpose (`<count> <reason>`, `minCount 0`);
      // `any` and objects in a template are still errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      // `() => done()` callbacks and `return reply(res)` early exits from void functions are house style.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
      // API types list the known values of an open string field (`'Equal' | 'Exists' | string`), as
      // the Kubernetes API documents them while accepting any string.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // Objects come from user YAML/JSON typed as well-formed Kubernetes objects; guards the types call
      // unnecessary are what keeps bad input from crashing (a clear error, never a stack trace).
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // A caught value is passed on as it came (a rejection keeps the thrower's error).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // @kubernetes/client-node declares its plain JSON models as classes; literals are what it parses too.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
    },
  },
  {
    // Tests read JSON that the code under test printed (`JSON.parse` is `any`): typing every probe
    // adds nothing a failing expectation does not already say.
    files: TESTS,
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fixture builders delete keys to make malformed objects and print whatever a probe returned.
      '@typescript-eslint/no-dynamic-delete': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // `get<T>(url)` helpers type the JSON a test expects back.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // Probes passed to `eventually` are async whether or not they await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Prints YAML values of any shape in conversion notes; left as is until convert types its values.
    files: ['plugin/src/convert/convert-object.ts'],
    rules: { '@typescript-eslint/no-base-to-string': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);

// A strict reader over decoded YAML/JSON: every field checked against what is allowed, errors name
// the field path the way the scheduler's config decoding and validation do.

export class SchedulerConfigError extends Error {}

export type Fields = Readonly<Record<string, unknown>>;

export class Reader {
  constructor(private readonly file: string) {}

  fail(path: string, detail: string): never {
    throw new SchedulerConfigError(`${this.file}: ${path}: ${detail}`);
  }

  /** An object whose keys are all in `allowed`. */
  object(value: unknown, path: string, allowed: readonly string[]): Fields {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(path, `Invalid type: expected an object, got ${describe(value)}`);
    for (const key of Object.keys(value))
      if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, `unknown field; allowed: ${allowed.join(', ')}`);
    return value as Fields;
  }

  list(value: unknown, path: string): readonly unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(path, `Invalid type: expected a list, got ${describe(value)}`);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, `Invalid type: expected a string, got ${describe(value)}`);
    return value;
  }

  integer(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(path, `Invalid type: expected an integer, got ${describe(value)}`);
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `Invalid type: expected a boolean, got ${describe(value)}`);
    return value;
  }

  /** field.NotSupported's wording. */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    const text = this.string(value, path);
    if (!(allowed as readonly string[]).includes(text))
      this.fail(path, `Unsupported value: ${JSON.stringify(text)}: supported values: ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    return text as T;
  }

  /** field.Invalid's wording. */
  range(value: unknown, path: string, min: number, max: number, what = ''): number {
    const n = this.integer(value, path);
    if (n < min || n > max) this.fail(path, `Invalid value: ${n}: ${what}not in valid range [${min}, ${max}]`);
    return n;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

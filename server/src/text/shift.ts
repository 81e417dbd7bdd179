/**
 * Moving parts of a model by an edit's length: a copy of a value (plain data: objects, arrays,
 * strings, numbers) in which every source offset (the `start`, `end` and `bodyStart` fields, the
 * names every span, item, section and finding uses) is moved by `delta`. Page numbers, counts and
 * everything else are copied as they are. The original is left untouched: an earlier analysis may
 * still be read.
 */
export function shifted<T>(value: T, delta: number): T {
  if (delta === 0) return value;
  return shiftAny(value, delta) as T;
}

const OFFSET_KEYS: ReadonlySet<string> = new Set(['start', 'end', 'bodyStart']);

function shiftAny(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shiftAny(value[i], delta);
    return out;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in source) {
    const v = source[key];
    if (typeof v === 'number') out[key] = OFFSET_KEYS.has(key) ? v + delta : v;
    else out[key] = typeof v === 'object' && v !== null ? shiftAny(v, delta) : v;
  }
  return out;
}

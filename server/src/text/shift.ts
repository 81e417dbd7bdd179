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
  if (Array.isArray(value)) return value.map((v) => shiftAny(v, delta));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    out[key] = typeof v === 'number' && OFFSET_KEYS.has(key) ? v + delta : shiftAny(v, delta);
  }
  return out;
}

/**
 * A small JSON Schema validator of our own, for the schemas of server/data (no dependency): the
 * keywords those schemas use — type (with "integer" and "null"), properties, required,
 * additionalProperties (true, false or a schema), items, prefixItems, minItems, maxItems, enum,
 * minLength, pattern, minimum, $ref to "#/$defs/<name>" — and an error for any other keyword, so
 * a schema never asks for more than is checked.
 */

/** A schema as these files write it. */
export type Schema = { [keyword: string]: unknown };

const KNOWN = new Set([
  '$schema', '$id', '$comment', 'title', 'description', '$defs', '$ref', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'enum', 'minLength', 'pattern', 'minimum',
]);

/** The problems of a value against a schema: one line each, with the path of the value. */
export function validate(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) return [`${path}: the schema uses "${keyword}", which this validator does not check`];
  }
  if (typeof schema.$ref === 'string') return validate(value, resolve(schema.$ref, root), root, path);
  const typeProblem = checkType(value, schema.type, path);
  if (typeProblem) return [typeProblem];
  const problems: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') problems.push(...checkString(value, schema, path));
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: ${value} is below ${schema.minimum}`);
  if (Array.isArray(value)) problems.push(...checkArray(value, schema, root, path));
  else if (value !== null && typeof value === 'object') problems.push(...checkObject(value as Record<string, unknown>, schema, root, path));
  return problems;
}

function resolve(ref: string, root: Schema): Schema {
  const name = /^#\/\$defs\/([\w-]+)$/.exec(ref)?.[1];
  const target = name ? (root.$defs as Record<string, Schema> | undefined)?.[name] : undefined;
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function checkType(value: unknown, type: unknown, path: string): string | null {
  if (type === undefined) return null;
  const types = Array.isArray(type) ? (type as string[]) : [type as string];
  const actual = typeOf(value);
  const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
  return ok ? null : `${path}: expected ${types.join(' or ')}, found ${actual}`;
}

function checkString(value: string, schema: Schema, path: string): string[] {
  const problems: string[] = [];
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) problems.push(`${path}: shorter than ${schema.minLength}`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${path}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  return problems;
}

function checkArray(value: unknown[], schema: Schema, root: Schema, path: string): string[] {
  const problems: string[] = [];
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
  const prefix = (schema.prefixItems as Schema[] | undefined) ?? [];
  value.forEach((item, i) => {
    const itemSchema = i < prefix.length ? prefix[i] : (schema.items as Schema | undefined);
    if (itemSchema) problems.push(...validate(item, itemSchema, root, `${path}[${i}]`));
  });
  return problems;
}

function checkObject(value: Record<string, unknown>, schema: Schema, root: Schema, path: string): string[] {
  const problems: string[] = [];
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (!(name in value)) problems.push(`${path}: "${name}" is missing`);
  }
  for (const [name, item] of Object.entries(value)) {
    const own = properties[name];
    if (own) problems.push(...validate(item, own, root, `${path}.${name}`));
    else if (schema.additionalProperties === false) problems.push(`${path}: "${name}" is not a known field`);
    else if (typeof schema.additionalProperties === 'object') problems.push(...validate(item, schema.additionalProperties as Schema, root, `${path}.${name}`));
  }
  return problems;
}

/**
 * Each data file in server/data has one JSON Schema (server/data/schema/<name>.schema.json) and
 * meets it; the validator (our own, `jsonSchema.ts`) finds a damaged copy's problems by path.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers';
import { validate, type Schema } from './jsonSchema';

const dataDir = join(repoRoot, 'server', 'data');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;
const schemaOf = (name: string) => readJson(join(dataDir, 'schema', `${name}.schema.json`)) as Schema;
const dataFiles = readdirSync(dataDir).filter((f) => f.endsWith('.json'));

test('every data file has a schema, and every schema a data file', () => {
  const schemas = readdirSync(join(dataDir, 'schema')).map((f) => f.replace(/\.schema\.json$/, '.json'));
  assert.deepEqual(schemas.sort(), [...dataFiles].sort());
});

for (const file of dataFiles) {
  test(`${file} meets its schema`, () => {
    const name = file.replace(/\.json$/, '');
    assert.deepEqual(validate(readJson(join(dataDir, file)), schemaOf(name)), []);
  });
}

test('a damaged lexicon and index are refused, each problem at its path', () => {
  const drugs = readJson(join(dataDir, 'drugs.json')) as { drugs: Array<Record<string, unknown>> };
  delete drugs.drugs[3].generic;
  drugs.drugs[5].kind = 'potion';
  drugs.drugs[7].brand = ['Typo'];
  assert.deepEqual(validate(drugs, schemaOf('drugs')), [
    '$.drugs[3]: "generic" is missing',
    '$.drugs[5].kind: "potion" is not one of ["drug","combination","topical-compound","oral-suspension-kit","medical-food","supplement","compounding-base"]',
    '$.drugs[7]: "brand" is not a known field',
  ]);
  const mtus = readJson(join(dataDir, 'mtus.json')) as { topics: Array<Record<string, unknown>> };
  mtus.topics[0].pages = [[10]];
  assert.deepEqual(validate(mtus, schemaOf('mtus')), ['$.topics[0].pages[0]: fewer than 2 items']);
});

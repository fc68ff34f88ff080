import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { actorSchema } from '../packages/cited-explainer/schemas/actor.ts';
import { glossarySchema } from '../packages/cited-explainer/schemas/glossary.ts';
import { incidentSchema } from '../packages/cited-explainer/schemas/incident.ts';
import { mapsFileSchema } from '../packages/cited-explainer/schemas/maps.ts';
import { explainerOptionsSchema } from '../packages/cited-explainer/schemas/options.ts';
import { pageSchema } from '../packages/cited-explainer/schemas/page.ts';
import { provenanceFileSchema } from '../packages/cited-explainer/schemas/provenance.ts';
import { siteConfigSchema } from '../packages/cited-explainer/schemas/site.ts';

/**
 * docs/content-reference.md and the JSON Schema files for editors (packages/cited-explainer/json-schema/),
 * generated from the zod schemas, the single definition of each file type: every field, its type,
 * whether it is required, its allowed values and default, and what it is for (the schema's
 * .describe() text, or else the doc comment written above the field in the schema's source).
 * `node scripts/content-reference.ts` writes them; tests/scripts/content-reference.test.ts checks
 * that the committed files are what this script writes.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | JsonSchema;
};

interface FileType {
  /** Where the file lives in a content folder (or, for the options, where they are given). */
  path: string;
  /** The JSON Schema file's name. */
  name: string;
  schema: z.ZodType;
  /** The schema's source file, for the doc comments above its fields. */
  source: string;
  what: string;
}

const schemasDir = 'packages/cited-explainer/schemas';
export const fileTypes: FileType[] = [
  { path: 'content/site.json', name: 'site', schema: siteConfigSchema, source: 'site.ts', what: 'The site: its title, navigation, corrections, licence, language and kinds of actor.' },
  { path: 'content/pages/**/*.md, *.mdx (front matter)', name: 'page', schema: pageSchema, source: 'page.ts', what: 'An explainer page; its body is Markdown (or MDX) in which every claim is cited.' },
  {
    path: 'content/incidents/<start>-<slug>.md, .mdx (front matter)',
    name: 'incident',
    schema: incidentSchema,
    source: 'incident.ts',
    what: 'An incident of the timeline, with its facts box; its body is Markdown (or MDX) in which every claim is cited.',
  },
  { path: 'content/actors/<slug>.yaml (or .yml, .json)', name: 'actor', schema: actorSchema, source: 'actor.ts', what: 'A person, organisation or state the sources quote.' },
  { path: 'content/glossary/<slug>.yaml (or .yml, .json)', name: 'glossary', schema: glossarySchema, source: 'glossary.ts', what: 'A term or a place of the glossary.' },
  {
    path: 'content/raw/provenance.json',
    name: 'provenance',
    schema: provenanceFileSchema,
    source: 'provenance.ts',
    what: 'The provenance records of the raw sources, one per raw text file (read by `cited-explainer ingest`).',
  },
  { path: 'content/maps.yaml', name: 'maps', schema: mapsFileSchema, source: 'maps.ts', what: 'The maps, their places, countries and routes (optional).' },
  { path: 'astro.config.mjs: citedExplainer({ … })', name: 'options', schema: explainerOptionsSchema, source: 'options.ts', what: 'The integration’s options.' },
];

export const referencePath = 'docs/content-reference.md';
export const jsonSchemaDir = 'packages/cited-explainer/json-schema';

export const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** The doc comment right above `name:` in a schema's source, on one line. */
function commentAbove(source: string, name: string): string | undefined {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\n\\s*${name}:`).exec(source);
  return match?.[1]
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim())
    .join(' ')
    .trim();
}

const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

/** A field's type and constraints, as a reader of the table needs them. */
function describeType(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map(code).join(', ')}`;
  if (schema.const !== undefined) return code(schema.const);
  if (schema.anyOf) return schema.anyOf.map(describeType).join(', or ');
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const limits: string[] = [];
  if (schema.pattern) limits.push(`matching \`${schema.pattern}\``);
  if (schema.minLength !== undefined && schema.minLength > 1) limits.push(`at least ${schema.minLength} characters`);
  if (schema.maxLength !== undefined) limits.push(`at most ${schema.maxLength} characters`);
  if (schema.minItems !== undefined) limits.push(`at least ${schema.minItems} items`);
  if (schema.maxItems !== undefined) limits.push(`at most ${schema.maxItems} items`);
  if (schema.minimum !== undefined) limits.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) limits.push(`≤ ${schema.maximum}`);
  if (type === 'array' && schema.items) return `list of ${describeType(schema.items)}${limits.length ? ` (${limits.join(', ')})` : ''}`;
  return limits.length ? `${type} (${limits.join(', ')})` : type;
}

const objectOf = (schema: JsonSchema): JsonSchema | undefined =>
  schema.properties ? schema : schema.items ? objectOf(schema.items) : schema.anyOf?.map(objectOf).find((found) => found !== undefined);

/** One table row per field, nested objects and lists of objects flattened as `parent.child` and `list[].child`. */
function rows(schema: JsonSchema, source: string, prefix = ''): string[] {
  const object = objectOf(schema);
  if (!object?.properties) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).flatMap(([name, field]) => {
    const path = `${prefix}${name}`;
    const description = (field.description ?? commentAbove(source, name) ?? '').replaceAll('|', '\\|');
    const shown = field.properties || !objectOf(field) ? describeType(field) : field.items ? 'list of objects (below)' : 'object (below)';
    const need = required.has(name) && field.default === undefined ? 'required' : field.default !== undefined ? `default ${code(field.default)}` : 'optional';
    const row = `| \`${path}\` | ${shown.replaceAll('|', '\\|')} | ${need} | ${description} |`;
    const nested = objectOf(field);
    return nested && nested !== field ? [row, ...rows(field, source, `${path}${field.items ? '[]' : ''}.`)] : field.properties ? [row, ...rows(field, source, `${path}.`)] : [row];
  });
}

export function contentReference(): string {
  const sections = fileTypes.map((type) => {
    const source = readFileSync(join(schemasDir, type.source), 'utf8');
    const schema = jsonSchema(type.schema);
    const closed = objectOf(schema)?.additionalProperties === false ? ' Any other field is refused.' : '';
    return [
      `## ${type.path}`,
      '',
      `${type.what}${closed} Schema: \`${schemasDir}/${type.source}\`; JSON Schema: \`${jsonSchemaDir}/${type.name}.json\`.`,
      '',
      '| field | type and allowed values | | what it is |',
      '| --- | --- | --- | --- |',
      ...rows(schema, source),
      '',
    ].join('\n');
  });
  return [
    '# Content reference',
    '',
    '<!-- Generated by scripts/content-reference.ts from the zod schemas: do not edit by hand. -->',
    '',
    'Every file type of a content folder and every field, with its type, allowed values and default,',
    'generated from the schemas the build checks them with. Cited fields hold text in which every claim',
    'ends with its citation, `[@source-id: exact words]` (see [authoring](authoring.md)). For an editor',
    'that reads JSON Schema (VS Code, with the YAML extension for .yaml files), point it at the files in',
    `\`${jsonSchemaDir}/\` (installed as \`node_modules/cited-explainer/json-schema/\`): for example, in a`,
    'YAML file, `# yaml-language-server: $schema=../../node_modules/cited-explainer/json-schema/actor.json`.',
    'Rules across files (an actor’s kind declared in site.json, an incident’s places in the glossary, a',
    'quote found in its source) are the build’s and `cited-explainer check`’s: see [checks](checks.md).',
    '',
    ...sections,
  ].join('\n');
}

/** Text as the repository's formatter (Biome, `npm run lint`) writes a file at `path`. */
export const formatted = (path: string, text: string) => execFileSync('node_modules/.bin/biome', ['format', `--stdin-file-path=${path}`], { input: text, encoding: 'utf8' });

export const jsonSchemaPath = (type: FileType) => join(jsonSchemaDir, `${type.name}.json`);
export const jsonSchemaText = (type: FileType) => formatted(jsonSchemaPath(type), JSON.stringify(jsonSchema(type.schema), null, 2));
export const referenceText = () => formatted(referencePath, contentReference());

if (import.meta.main) {
  writeFileSync(referencePath, referenceText());
  mkdirSync(jsonSchemaDir, { recursive: true });
  for (const type of fileTypes) writeFileSync(jsonSchemaPath(type), jsonSchemaText(type));
  console.log(`wrote ${referencePath} and ${fileTypes.length} JSON Schema files in ${jsonSchemaDir}`);
}

// LINE's own OpenAPI files (../shared/specs/contracts/line) as JSON-schema validators, with the discriminators
// really resolved. The files model inheritance as `allOf: [$ref Base, …]` plus a `discriminator.mapping` on the
// base, which plain JSON Schema ignores: a body checked against `Message` would pass with any content. So every
// reference to a discriminated base (outside the subtypes' own allOf) is pointed at a dispatch schema that also
// applies the subtype chosen by the discriminator value; unknown values keep the base rules (LINE adds types).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import YAML from 'yaml';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
export const contractsDir = process.env.HUB_LINE_CONTRACTS ?? path.resolve(here, '../../../shared/specs/contracts/line');

const prefix = '#/components/schemas/';

function withDispatch(doc) {
  const schemas = doc.components.schemas;
  const discriminated = Object.keys(schemas).filter((name) => schemas[name].discriminator?.mapping);
  for (const name of discriminated) {
    const { propertyName, mapping } = schemas[name].discriminator;
    schemas[`${name}Dispatch`] = {
      allOf: [
        { $ref: prefix + name },
        ...Object.entries(mapping).map(([value, ref]) => ({
          if: { type: 'object', properties: { [propertyName]: { const: value } }, required: [propertyName] },
          then: { $ref: ref },
        })),
      ],
    };
  }

  const rewrite = (node, inAllOf) => {
    if (Array.isArray(node)) {
      node.forEach((item) => rewrite(item, inAllOf));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (typeof node.$ref === 'string' && !inAllOf) {
      const target = node.$ref.startsWith(prefix) ? node.$ref.slice(prefix.length) : null;
      if (target && discriminated.includes(target)) node.$ref = `${prefix}${target}Dispatch`;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'discriminator') continue;
      // The subtypes' own `allOf: [$ref Base]` is the inheritance link: it must keep pointing at the base.
      rewrite(value, key === 'allOf');
    }
  };
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.endsWith('Dispatch')) rewrite(schema, false);
  }
  return doc;
}

function load(file) {
  const doc = withDispatch(YAML.parse(readFileSync(path.join(contractsDir, file), 'utf8')));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double', 'binary', 'byte']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: file, components: doc.components });
  return (schemaName) => {
    const validate = ajv.getSchema(`${file}#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`${schemaName} is not in ${file}`);
    return validate;
  };
}

export const webhookSchema = load('webhook.yml');
export const messagingSchema = load('messaging-api.yml');

/** The errors of `body` against a schema, as one readable string ('' when valid). */
export function errorsOf(validate, body) {
  return validate(body) ? '' : JSON.stringify(validate.errors.slice(0, 5));
}

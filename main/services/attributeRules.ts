// Attribute values on mentions, events and relations are checked against the project's
// attribute definitions: a name must be defined for that kind of annotation, a flag takes
// true or false, any other attribute one of its listed values. New annotations get each
// definition's default.

import type { Statement } from 'better-sqlite3';
import { SpanlabError } from '../../common/errors';
import type { AttributeTarget, AttributeValues } from '../../common/model';
import type { Connection } from '../../db/openDatabase';

interface DefinitionRow {
  name: string;
  values: string;
  default_value: string | null;
}

export class AttributeRules {
  private readonly definitions: Statement<[string], DefinitionRow>;

  constructor(db: Connection) {
    this.definitions = db.prepare(
      'SELECT name, "values", default_value FROM attribute_defs WHERE target = ? ORDER BY position, id',
    );
  }

  /// The JSON to store for `values` on a `target`, refusing an undefined name or a value the
  /// definition does not list (`invalid_input`, path `attributes.<name>`). With `defaults`,
  /// each definition with a default and no given value gets its default.
  check(target: AttributeTarget, values: AttributeValues | undefined, defaults: boolean): string {
    const definitions = this.definitions.all(target);
    const result: AttributeValues = {};
    if (defaults) {
      for (const definition of definitions) {
        if (definition.default_value === null) continue;
        const isFlag = (JSON.parse(definition.values) as string[]).length === 0;
        result[definition.name] = isFlag ? definition.default_value === 'true' : definition.default_value;
      }
    }
    for (const [name, value] of Object.entries(values ?? {})) {
      const definition = definitions.find((d) => d.name === name);
      const path = `attributes.${name}`;
      if (!definition) {
        const known = definitions.map((d) => d.name).join(', ') || 'none';
        throw new SpanlabError('invalid_input', `There is no ${target} attribute "${name}" (defined: ${known}).`, path);
      }
      const allowed = JSON.parse(definition.values) as string[];
      if (allowed.length === 0 && typeof value !== 'boolean') {
        throw new SpanlabError('invalid_input', `"${name}" is a flag: true or false.`, path);
      }
      if (allowed.length > 0 && (typeof value !== 'string' || !allowed.includes(value))) {
        throw new SpanlabError('invalid_input', `"${name}" must be one of ${allowed.join(', ')}.`, path);
      }
      result[name] = value;
    }
    return JSON.stringify(result);
  }
}

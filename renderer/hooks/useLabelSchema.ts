// The project's label schema, read when a view that draws labels opens (so a view opened
// after the schema was edited draws the edited labels), with every label's colour applied.

import { useEffect, useState } from 'react';
import type { LabelSchema } from '../../common/model';
import { errorMessage } from '../client';
import { useClient } from '../components/ClientContext';
import { applyLabelColors } from '../editor/labelStyles';

export function useLabelSchema(): { schema: LabelSchema | null; error: string | null } {
  const client = useClient();
  const [state, setState] = useState<{ schema: LabelSchema | null; error: string | null }>({ schema: null, error: null });
  useEffect(() => {
    let current = true;
    client.call('schema.get', {}).then(
      (schema) => {
        if (!current) return;
        applyLabelColors(schema.entityTypes, schema);
        setState({ schema, error: null });
      },
      (error: unknown) => current && setState({ schema: null, error: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [client]);
  return state;
}

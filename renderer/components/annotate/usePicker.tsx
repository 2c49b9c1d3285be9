// The label picker of the open document: which list is open (labels for the selection, or
// relation types for the focused mention) and where, and the element that draws it. A label
// chosen here goes through the same command as its key.

import { useMemo, useState } from 'react';
import type { LabelSchema } from '../../../common/model';
import type { EditorCommands, PickerAnchor } from '../../annotate/editorCommands';
import type { PickerItem } from '../../editor/LabelPicker';
import { LabelPicker } from '../../editor/LabelPicker';
import type { LabelBinding } from '../../shortcuts/keymap';
import { keyOfLabel, labelBindings } from '../../shortcuts/keymap';

interface PickerRequest {
  kind: 'labels' | 'relations';
  at: PickerAnchor;
}

export function usePicker(
  commands: EditorCommands | null,
  schema: LabelSchema,
  toast: (text: string) => void,
  refocus: () => void,
) {
  const [request, setRequest] = useState<PickerRequest | null>(null);
  const bindings = useMemo(() => labelBindings(schema), [schema]);

  const open = (kind: PickerRequest['kind']) => {
    const at = commands?.pickerAnchor() ?? null;
    const focus = commands?.current()?.focus ?? null;
    if (kind === 'relations' && focus === null) return toast('Focus the mention the relation starts from first.');
    if (!at) return toast('Select some text first, or focus a mention.');
    setRequest({ kind, at });
  };
  const close = () => {
    setRequest(null);
    refocus();
  };

  let element = null;
  if (request && commands) {
    const picking = commands.current()?.picking ?? null;
    const { items, byId } = pickerItems(schema, bindings, request.kind, picking?.kind === 'argument' ? roleAccepts(schema, picking.roleId) : null);
    const title =
      request.kind === 'relations' ? 'Relate the focused mention' : picking?.kind === 'argument' ? 'New mention filling the role' : commands.hasSelection() ? 'Label the selection' : 'Relabel the focused mention';
    element = (
      <LabelPicker
        title={title}
        items={items}
        at={request.at}
        onClose={close}
        onPick={(item) => {
          close();
          const binding = byId.get(item.id);
          if (binding) commands.applyLabel(binding);
        }}
      />
    );
  }
  return { request, openLabels: () => open('labels'), openRelations: () => open('relations'), close, element };
}

// The entity types a role accepts (empty: any), for listing them first.
function roleAccepts(schema: LabelSchema, roleId: number): readonly number[] {
  return schema.eventTypes.flatMap((t) => t.roles).find((r) => r.id === roleId)?.accepts ?? [];
}

function pickerItems(
  schema: LabelSchema,
  bindings: ReadonlyMap<string, LabelBinding>,
  kind: PickerRequest['kind'],
  accepted: readonly number[] | null,
): { items: PickerItem[]; byId: Map<string, LabelBinding> } {
  const byId = new Map<string, LabelBinding>();
  const items: PickerItem[] = [];
  const add = (binding: LabelBinding, group: string, hint?: string) => {
    const id = `${binding.kind}-${binding.type.id}`;
    byId.set(id, binding);
    const colorClass = { entity: 'mention-type', event: 'event-type', relation: 'relation-type' }[binding.kind];
    items.push({
      id,
      name: binding.type.name,
      group,
      hotkey: keyOfLabel(bindings, binding.kind, binding.type.id),
      colorClass: `${colorClass}-${binding.type.id}`,
      description: binding.type.description,
      ...(hint ? { hint } : {}),
    });
  };
  if (kind === 'relations') {
    for (const type of schema.relationTypes) add({ kind: 'relation', type }, 'Relation types');
  } else if (accepted) {
    const fits = (id: number) => accepted.length === 0 || accepted.includes(id);
    for (const type of schema.entityTypes.filter((t) => fits(t.id))) add({ kind: 'entity', type }, 'Accepted by the role');
    for (const type of schema.entityTypes.filter((t) => !fits(t.id))) add({ kind: 'entity', type }, 'Other entity types', 'not accepted');
  } else {
    for (const type of schema.entityTypes) add({ kind: 'entity', type }, 'Entity types');
    for (const type of schema.eventTypes) add({ kind: 'event', type }, 'Event types');
  }
  return { items, byId };
}

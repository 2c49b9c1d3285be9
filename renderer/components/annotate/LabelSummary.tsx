// How many mentions of each entity type, events of each event type and relations of each
// relation type the open document holds: a glance at what is done and what is missing.

import type { DocumentDetail, LabelSchema } from '../../../common/model';
import './Inspector.css';

interface Row {
  key: string;
  name: string;
  count: number;
  colorClass: string;
}

export function LabelSummary({ detail, schema }: { detail: DocumentDetail; schema: LabelSchema }) {
  const tally = (ids: readonly (number | null)[]) => {
    const counts = new Map<number, number>();
    for (const id of ids) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  };
  const mentions = tally(detail.mentions.map((m) => m.typeId));
  const events = tally(detail.events.map((e) => e.typeId));
  const relations = tally(detail.relations.map((r) => r.typeId));
  const rows: Row[] = [
    ...schema.entityTypes.map((t) => ({ key: `m${t.id}`, name: t.name, count: mentions.get(t.id) ?? 0, colorClass: `mention-type-${t.id}` })),
    ...schema.eventTypes.map((t) => ({ key: `e${t.id}`, name: t.name, count: events.get(t.id) ?? 0, colorClass: `event-type-${t.id}` })),
    ...schema.relationTypes.map((t) => ({ key: `r${t.id}`, name: t.name, count: relations.get(t.id) ?? 0, colorClass: `relation-type-${t.id}` })),
  ].filter((row) => row.count > 0);

  if (rows.length === 0) {
    return <p className="info-empty">Nothing marked yet. Select text and press a label&apos;s key (1–9), or press ? for all keys.</p>;
  }
  const max = Math.max(...rows.map((r) => r.count));
  return (
    <ul className="label-summary" data-testid="label-summary">
      {rows.map((row) => (
        <li key={row.key} className={`label-summary-row ${row.colorClass}`} data-label={row.name}>
          <span className="label-swatch" aria-hidden="true" />
          <span className="label-summary-name">{row.name}</span>
          <span className="label-summary-bar" aria-hidden="true">
            <span style={{ width: `${(row.count / max) * 100}%` }} />
          </span>
          <span className="label-summary-count">{row.count}</span>
        </li>
      ))}
    </ul>
  );
}

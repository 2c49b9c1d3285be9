// The choices of the Export dialog: format, which documents, which labels, the split and
// where to write. In the desktop app "Choose…" opens the native save dialog; in serve mode
// the path is typed (a path on the machine running Spanlab; a relative one is relative to
// the project's folder).

import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ExportBatch } from '../../../common/export';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS } from '../../../common/export';
import type { LabelSchema } from '../../../common/model';
import { errorMessage } from '../../client';
import { Button } from '../Button';
import { useClient } from '../ClientContext';
import { STATUS_LABELS, STATUS_ORDER } from '../statusLabels';
import type { DocumentChoice, ExportChoices } from './exportChoices';
import { suggestedOut } from './exportChoices';
import { batchLabel } from './useExportBatches';

interface ExportFormProps {
  choices: ExportChoices;
  onChange: (choices: ExportChoices) => void;
  schema: LabelSchema | null;
  /** The import batches with documents, newest first; null while they load. */
  batches: ExportBatch[] | null;
  projectName: string;
  nativeDialogs: boolean;
}

const DOCUMENT_CHOICES: { value: DocumentChoice; label: string }[] = [
  { value: 'all', label: 'All documents' },
  { value: 'done', label: 'Done only' },
  { value: 'status', label: 'With the status' },
  { value: 'batch', label: 'From the import' },
  { value: 'search', label: 'Matching a search' },
];

export function ExportForm({ choices, onChange, schema, batches, projectName, nativeDialogs }: ExportFormProps) {
  const client = useClient();
  const [pickError, setPickError] = useState<string | null>(null);
  const info = EXPORT_FORMATS[choices.format];
  const set = <K extends keyof ExportChoices>(key: K, value: ExportChoices[K]) => {
    const next = { ...choices, [key]: value };
    // Choosing "From the import" starts from the newest import.
    if (key === 'documents' && value === 'batch' && next.batch === null) next.batch = batches?.[0]?.id ?? null;
    // A suggested name follows the format and the split; a typed or chosen one stays.
    const suggested = suggestedOut(projectName, choices.format, choices.split);
    if ((key === 'format' || key === 'split') && choices.out === suggested) {
      next.out = suggestedOut(projectName, next.format, next.split);
    }
    onChange(next);
  };

  const choosePath = async () => {
    setPickError(null);
    try {
      const { path } = await client.call('export.pickPath', { format: choices.format, split: choices.split });
      if (path) set('out', path);
    } catch (error) {
      setPickError(errorMessage(error));
    }
  };

  const allLabels = schema
    ? [
        { kind: 'Entities', names: schema.entityTypes.map((t) => t.name) },
        { kind: 'Events', names: schema.eventTypes.map((t) => t.name) },
        { kind: 'Relations', names: schema.relationTypes.map((t) => t.name) },
      ]
    : [];
  const toggleLabel = (name: string, on: boolean) => {
    const current = new Set(choices.labels ?? []);
    if (on) current.add(name);
    else current.delete(name);
    set('labels', [...current]);
  };

  return (
    <div className="export-form">
      <Field label="Format" htmlFor="export-format">
        <select
          id="export-format"
          value={choices.format}
          onChange={(e) => set('format', e.target.value as ExportChoices['format'])}
          data-testid="export-format"
        >
          {EXPORT_FORMAT_NAMES.map((name) => (
            <option key={name} value={name}>
              {EXPORT_FORMATS[name].title}
            </option>
          ))}
        </select>
        <p className="export-hint">{info.description}</p>
      </Field>

      <fieldset className="export-fieldset">
        <legend>Documents</legend>
        {DOCUMENT_CHOICES.map(({ value, label }) => (
          <label key={value} className="export-choice">
            <input
              type="radio"
              name="export-documents"
              value={value}
              checked={choices.documents === value}
              // Nothing to choose from until the imports are listed; none in a project whose
              // documents all came some other way.
              disabled={value === 'batch' && (batches === null || batches.length === 0)}
              onChange={() => set('documents', value)}
              data-testid={`export-documents-${value}`}
            />
            {label}
            {value === 'batch' && batches?.length === 0 && <span className="export-hint">(no imports)</span>}
            {value === 'batch' && choices.documents === 'batch' && batches && batches.length > 0 && (
              <select
                aria-label="Import"
                value={choices.batch ?? ''}
                onChange={(e) => set('batch', Number(e.target.value))}
                data-testid="export-batch"
              >
                {batches.map((b) => (
                  <option key={b.id} value={b.id}>
                    {batchLabel(b)}
                  </option>
                ))}
              </select>
            )}
            {value === 'status' && choices.documents === 'status' && (
              <select
                aria-label="Status"
                value={choices.status}
                onChange={(e) => set('status', e.target.value as ExportChoices['status'])}
              >
                {STATUS_ORDER.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
            {value === 'search' && choices.documents === 'search' && (
              <input
                type="search"
                aria-label="Search"
                placeholder="Words the documents contain"
                value={choices.query}
                onChange={(e) => set('query', e.target.value)}
                data-testid="export-query"
              />
            )}
          </label>
        ))}
      </fieldset>

      <fieldset className="export-fieldset">
        <legend>Labels</legend>
        <label className="export-choice">
          <input
            type="checkbox"
            checked={choices.labels === null}
            onChange={(e) => set('labels', e.target.checked ? null : [])}
            data-testid="export-all-labels"
          />
          All labels
        </label>
        {choices.labels !== null &&
          allLabels.map(({ kind, names }) => (
            <div key={kind} className="export-labels" role="group" aria-label={kind}>
              <span className="export-labels-kind">{kind}</span>
              {names.map((name) => (
                <label key={name} className="export-label">
                  <input
                    type="checkbox"
                    checked={choices.labels!.includes(name)}
                    onChange={(e) => toggleLabel(name, e.target.checked)}
                    data-testid={`export-label-${name}`}
                  />
                  {name}
                </label>
              ))}
            </div>
          ))}
      </fieldset>

      <fieldset className="export-fieldset">
        <legend>Split</legend>
        <label className="export-choice">
          <input type="checkbox" checked={choices.split} onChange={(e) => set('split', e.target.checked)} data-testid="export-split" />
          Split the documents into train, dev and test
        </label>
        {choices.split && (
          <div className="export-split">
            {(['train', 'dev', 'test'] as const).map((part) => (
              <label key={part}>
                {part}
                <input
                  type="number"
                  min={0}
                  max={100}
                  value={choices[part]}
                  onChange={(e) => set(part, e.target.valueAsNumber)}
                  data-testid={`export-split-${part}`}
                />
                %
              </label>
            ))}
            <label>
              seed
              <input type="number" min={0} value={choices.seed} onChange={(e) => set('seed', e.target.valueAsNumber)} data-testid="export-seed" />
            </label>
            <p className="export-hint">The same seed puts a document in the same split in every export.</p>
          </div>
        )}
      </fieldset>

      {info.options.length > 0 && (
        <fieldset className="export-fieldset">
          <legend>Options</legend>
          {info.options.includes('docstart') && (
            <label className="export-choice">
              <input type="checkbox" checked={choices.docstart} onChange={(e) => set('docstart', e.target.checked)} />
              Write -DOCSTART- before each document
            </label>
          )}
          {info.options.includes('keep') && (
            <label className="export-choice">
              Of overlapping mentions, keep the
              <select value={choices.keep} onChange={(e) => set('keep', e.target.value as ExportChoices['keep'])} data-testid="export-keep">
                <option value="outermost">outermost</option>
                <option value="innermost">innermost</option>
              </select>
            </label>
          )}
          {info.options.includes('level') && (
            <label className="export-choice">
              One row per
              <select value={choices.level} onChange={(e) => set('level', e.target.value as ExportChoices['level'])}>
                <option value="sentence">sentence</option>
                <option value="document">document</option>
              </select>
            </label>
          )}
          {info.options.includes('doccanoForm') && (
            <label className="export-choice">
              Write
              <select value={choices.doccanoForm} onChange={(e) => set('doccanoForm', e.target.value as ExportChoices['doccanoForm'])}>
                <option value="labels">label triples (sequence labeling)</option>
                <option value="entities">entities and relations</option>
              </select>
            </label>
          )}
        </fieldset>
      )}

      <Field label={info.layout === 'directory' || choices.split ? 'Save to the folder' : 'Save to the file'} htmlFor="export-out">
        <div className="export-path">
          <input
            id="export-out"
            type="text"
            spellCheck={false}
            value={choices.out}
            onChange={(e) => set('out', e.target.value)}
            data-testid="export-out"
          />
          {nativeDialogs && (
            <Button onClick={() => void choosePath()} data-testid="export-choose">
              Choose…
            </Button>
          )}
        </div>
        <p className="export-hint">
          {pickError ??
            (nativeDialogs
              ? 'A relative path is relative to the project’s folder.'
              : 'A path on the computer running Spanlab; a relative one is relative to the project’s folder.')}
        </p>
      </Field>
    </div>
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="export-field">
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </div>
  );
}

// A label's colour: the swatches of its kind's colour-blind-safe palette first (the safe
// choice is the easy one), then any colour through the system picker. Swatches are SVG
// circles filled through an attribute, which the CSP allows where a style attribute is not.

import { useId } from 'react';
import type { LabelKind } from '../../core/labelPalette';
import { LABEL_PALETTES } from '../../core/labelPalette';
import { Icon } from '../components/Icon';
import './ColorField.css';

interface ColorFieldProps {
  kind: LabelKind;
  value: string;
  onChange: (color: string) => void;
  /** Colours other labels of the kind already have, named in the swatches' tooltips. */
  taken: readonly string[];
}

export function ColorField({ kind, value, onChange, taken }: ColorFieldProps) {
  const customId = useId();
  const palette = LABEL_PALETTES[kind];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const custom = !palette.some((c) => same(c, value));
  const inUse = (c: string) => taken.some((t) => same(t, c));

  return (
    <div className="color-field" role="radiogroup" aria-label="Colour">
      {palette.map((color) => {
        const selected = same(color, value);
        return (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={selected}
            className={`swatch${selected ? ' is-selected' : ''}`}
            title={inUse(color) ? `${color} (used by another label)` : color}
            aria-label={color}
            data-testid="color-swatch"
            onClick={() => onChange(color)}
          >
            <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
              <circle cx="11" cy="11" r="9" fill={color} />
            </svg>
            {selected && (
              <span className="swatch-check">
                <Icon name="check" size={12} />
              </span>
            )}
          </button>
        );
      })}
      <span className="color-field-divider" aria-hidden="true" />
      <label className={`swatch swatch-custom${custom ? ' is-selected' : ''}`} htmlFor={customId} title="Any colour">
        <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
          {custom ? (
            <circle cx="11" cy="11" r="9" fill={value} />
          ) : (
            <circle
              cx="11"
              cy="11"
              r="8.25"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeDasharray="2.6 2.2"
            />
          )}
        </svg>
        <input
          id={customId}
          type="color"
          className="visually-hidden"
          value={value.toLowerCase()}
          onChange={(e) => onChange(e.target.value)}
          aria-label="Custom colour"
          data-testid="color-custom"
        />
      </label>
      <code className="color-field-value" data-testid="color-value">
        {value.toUpperCase()}
      </code>
    </div>
  );
}

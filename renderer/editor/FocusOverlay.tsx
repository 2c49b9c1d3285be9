// The focused annotation, drawn in an SVG laid over the article: a ring around the focused
// mention and lighter ones around the mentions it is linked to, and the arcs between them —
// trigger to argument with the role's name, source to target with the relation's type.
// Rings are drawn here rather than as CSS outlines because ProseMirror splits a mention
// that others overlap into several elements, and an outline would box each piece. Positions
// come from the view (coordsAtPos, the mentions' client rects) relative to the article and
// are set as SVG attributes, which the CSP allows (it refuses style attributes only).
// Recomputed when the focus or its links change and when the article's size changes (a
// resized window reflows the text).

import { useLayoutEffect, useState } from 'react';
import type { EditorView } from 'prosemirror-view';
import type { Mention } from '../../common/model';
import type { OffsetMap } from '../../core/offsetMap';
import type { ArcShape, Point } from './arcGeometry';
import { arcBetween } from './arcGeometry';
import type { Link } from './annotationLinks';

interface FocusOverlayProps {
  view: EditorView | null;
  map: OffsetMap;
  focus: number | null;
  links: readonly Link[];
  mentions: ReadonlyMap<number, Mention>;
}

/** One line's box of a mention, in the article's coordinates. */
interface LineBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Ring {
  mentionId: number;
  focused: boolean;
  colorClass: string;
  boxes: LineBox[];
}

interface DrawnArc {
  link: Link;
  shape: ArcShape;
  /** The label's pill width. */
  width: number;
  text: string;
}

const NOTHING = { drawn: [], rings: [], width: 0, height: 0 };

export function FocusOverlay({ view, map, focus, links, mentions }: FocusOverlayProps) {
  const [arcs, setArcs] = useState<{ drawn: DrawnArc[]; rings: Ring[]; width: number; height: number }>(NOTHING);
  const [layout, setLayout] = useState(0);

  // The article reflows when the window or a panel changes size, and once the reading
  // font has loaded: each is a new layout.
  useLayoutEffect(() => {
    const article = view?.dom.closest<HTMLElement>('.article');
    if (!article) return;
    const observer = new ResizeObserver(() => setLayout((n) => n + 1));
    observer.observe(article);
    void document.fonts?.ready.then(() => setLayout((n) => n + 1));
    return () => observer.disconnect();
  }, [view]);

  useLayoutEffect(() => {
    const article = view?.dom.closest<HTMLElement>('.article');
    if (!view || !article || focus === null) {
      setArcs((old) => (old === NOTHING ? old : NOTHING));
      return;
    }
    const origin = article.getBoundingClientRect();
    const anchor = (id: number): Point | null => {
      const mention = mentions.get(id);
      return mention ? anchorOf(view, map, mention, origin) : null;
    };
    const linked = [...new Set(links.flatMap((l) => [l.fromMentionId, l.toMentionId]))].filter((id) => id !== focus);
    const rings = [focus, ...linked].map((id) => ({
      mentionId: id,
      focused: id === focus,
      colorClass: ringColor(view, id),
      boxes: lineBoxes(view, id, origin),
    }));
    setArcs({ drawn: layoutArcs(links, anchor), rings, width: article.clientWidth, height: article.clientHeight });
  }, [view, map, focus, links, mentions, layout]);

  if (arcs.rings.length === 0 && arcs.drawn.length === 0) return null;
  return (
    <svg
      className="arc-overlay"
      width={arcs.width}
      height={arcs.height}
      viewBox={`0 0 ${arcs.width} ${arcs.height}`}
      aria-hidden="true"
      data-testid="focus-overlay"
    >
      {arcs.rings.map((ring) => (
        <g key={ring.mentionId} className={`ring ${ring.focused ? 'is-focused' : 'is-linked'} ${ring.colorClass}`} data-testid="ring">
          {ring.boxes.map((box, i) => (
            <rect key={i} x={box.x - 2} y={box.y - 1} width={box.width + 4} height={box.height + 2} rx={4} />
          ))}
        </g>
      ))}
      {arcs.drawn.map(({ link, shape, width, text }) => (
        <g
          key={link.key}
          className={`arc arc-${link.kind} ${link.colorClass}${link.mismatch ? ' is-mismatch' : ''}`}
          data-testid="arc"
          data-label={link.label}
        >
          <path className="arc-line" d={shape.path} />
          <polygon className="arc-head" points={shape.arrow} />
          <rect
            className="arc-pill"
            x={shape.label.x - width / 2}
            y={shape.label.y - LABEL_HEIGHT / 2}
            width={width}
            height={LABEL_HEIGHT}
            rx={LABEL_HEIGHT / 2}
          />
          <text className="arc-label" x={shape.label.x} y={shape.label.y + 0.5} textAnchor="middle" dominantBaseline="middle">
            {text}
          </text>
        </g>
      ))}
    </svg>
  );
}

const LABEL_HEIGHT = 16;
// Where on its curve a label may sit, in order of preference (0.5 is the apex).
const LABEL_POSITIONS = [0.5, 0.68, 0.32, 0.8, 0.2];
const LABEL_PADDING = 14;

// Arcs in order of length, the short ones first; an arc whose label would sit on an
// earlier one's slides it along the curve, and failing that rises a lane at a time.
function layoutArcs(links: readonly Link[], anchor: (id: number) => Point | null): DrawnArc[] {
  const ends = links
    .map((link) => ({ link, from: anchor(link.fromMentionId), to: anchor(link.toMentionId) }))
    .filter((e): e is { link: Link; from: Point; to: Point } => e.from !== null && e.to !== null)
    .sort((a, b) => Math.abs(a.to.x - a.from.x) - Math.abs(b.to.x - b.from.x));
  const placed: { x: number; y: number; width: number }[] = [];
  const drawn: DrawnArc[] = [];
  for (const { link, from, to } of ends) {
    const text = link.mismatch ? `⚠ ${link.label}` : link.label;
    const width = labelWidth(text) + LABEL_PADDING;
    // Out of an earlier label's way: first along the curve, then a lane higher.
    let shape = arcBetween(from, to);
    search: for (let lane = 0; lane < 5; lane++) {
      for (const at of LABEL_POSITIONS) {
        shape = arcBetween(from, to, lane, at);
        if (!placed.some((p) => overlaps(p, shape.label, width))) break search;
      }
    }
    placed.push({ ...shape.label, width });
    drawn.push({ link, shape, width, text });
  }
  return drawn;
}

// A label's width in the overlay's font (see .arc-label), measured on a canvas: the pill
// behind it must fit it, and SVG has no layout to do that.
let measure: CanvasRenderingContext2D | null = null;
function labelWidth(text: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * 6.5;
  measure.font = `650 11px ${getComputedStyle(document.body).fontFamily}`;
  return Math.ceil(measure.measureText(text).width);
}

function overlaps(placed: { x: number; y: number; width: number }, at: Point, width: number): boolean {
  return Math.abs(placed.x - at.x) < (placed.width + width) / 2 && Math.abs(placed.y - at.y) < LABEL_HEIGHT;
}

// The boxes a mention's elements paint, merged per line: a mention split into pieces by
// others that overlap it gets one box per line, not one per piece.
function lineBoxes(view: EditorView, mentionId: number, origin: DOMRect): LineBox[] {
  const lines: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const element of view.dom.querySelectorAll(`[data-mention-id="${mentionId}"]`)) {
    for (const rect of element.getClientRects()) {
      if (rect.width === 0) continue;
      const line = lines.find((l) => Math.abs(l.top - rect.top) < 4 || Math.abs(l.bottom - rect.bottom) < 4);
      if (line) {
        line.left = Math.min(line.left, rect.left);
        line.right = Math.max(line.right, rect.right);
        line.top = Math.min(line.top, rect.top);
        line.bottom = Math.max(line.bottom, rect.bottom);
      } else lines.push({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
    }
  }
  return lines.map((l) => ({ x: l.left - origin.left, y: l.top - origin.top, width: l.right - l.left, height: l.bottom - l.top }));
}

// The ring takes the colour the mention is drawn in (its label, or its event's).
function ringColor(view: EditorView, mentionId: number): string {
  const element = view.dom.querySelector(`[data-mention-id="${mentionId}"]`);
  const classes = Array.from(element?.classList ?? []);
  return classes.find((c) => c.startsWith('event-type-')) ?? classes.find((c) => c.startsWith('mention-type-')) ?? '';
}

// The top centre of a mention's first line, in the article's coordinates.
function anchorOf(view: EditorView, map: OffsetMap, mention: Mention, origin: DOMRect): Point | null {
  const range = map.rangeToPos(mention.start, mention.end);
  if (!range) return null;
  const start = view.coordsAtPos(range.from, 1);
  const end = view.coordsAtPos(range.to, -1);
  const oneLine = Math.abs(start.top - end.top) < 4;
  const x = oneLine ? (start.left + end.right) / 2 : start.left + 10;
  return { x: x - origin.left, y: start.top - origin.top - 1 };
}

import type { Area } from '../guide/catalog';

/**
 * The foot diagram on Echo Show screens, once: an inner-side view of a right
 * lower leg and foot (heel on the left, toes on the right), cut into one
 * closed path per area. The same shapes become an AVG graphic for APL
 * (`footGraphic`) and a standalone SVG for previews (`footSvg`).
 *
 * Regions are assembled from shared edges, so two neighbours trace exactly
 * the same curve (one forwards, one backwards) and the silhouette has no gaps
 * or overlaps. Only absolute M, C, L and Z are emitted: AVG supports them all.
 */

export const FOOT_VIEWPORT = { width: 320, height: 240 } as const;

export interface FootRegion {
  readonly area: Exclude<Area, 'whole'> | 'leg';
  readonly pathData: string;
}

/** A muted slate foot with a warm coral highlight and light outlines: all readable on a dark screen. */
export const FOOT_COLOURS = { base: '#5E6B7D', highlight: '#F4846A', outline: '#D5DDE6' } as const;

/** The preview's stand-in for a dark Echo Show background. Not part of the AVG graphic: APL draws its own. */
const PREVIEW_BACKGROUND = '#1B2129';
const STROKE_WIDTH = 2;

type Point = readonly [number, number];
/** A cubic Bézier (two control points) or a straight line to `to`. */
interface Segment {
  readonly to: Point;
  readonly controls?: readonly [Point, Point];
}
interface Edge {
  readonly from: Point;
  readonly segments: readonly Segment[];
}

const edge = (from: Point, ...segments: Segment[]): Edge => ({ from, segments });
const curve = (c1: Point, c2: Point, to: Point): Segment => ({ to, controls: [c1, c2] });
const line = (to: Point): Segment => ({ to });

function end(e: Edge): Point {
  return e.segments.length ? e.segments[e.segments.length - 1].to : e.from;
}

/** The same curve, traced from its end back to its start. */
function reversed(e: Edge): Edge {
  const starts = [e.from, ...e.segments.map((s) => s.to)];
  const segments = e.segments.map((s, i): Segment => (s.controls ? { to: starts[i], controls: [s.controls[1], s.controls[0]] } : { to: starts[i] })).reverse();
  return { from: end(e), segments };
}

const same = (a: Point, b: Point): boolean => a[0] === b[0] && a[1] === b[1];
const xy = (p: Point): string => `${p[0]} ${p[1]}`;

/** One closed path through `edges`, each starting where the previous one ended. */
function closedPath(...edges: Edge[]): string {
  const parts = [`M ${xy(edges[0].from)}`];
  edges.forEach((e, i) => {
    const previousEnd = i === 0 ? edges[edges.length - 1] : edges[i - 1];
    if (!same(end(previousEnd), e.from)) throw new Error(`foot diagram: edge ${i} starts at ${xy(e.from)}, not where the previous edge ends`);
    for (const s of e.segments) parts.push(s.controls ? `C ${xy(s.controls[0])} ${xy(s.controls[1])} ${xy(s.to)}` : `L ${xy(s.to)}`);
  });
  parts.push('Z');
  return parts.join(' ');
}

// Where the edges meet. Ground is y = 214; the ankle bone sits near (98, 132).
const LEG_TOP_BACK: Point = [46, 8];
const LEG_TOP_FRONT: Point = [130, 8];
const ANKLE_TOP_BACK: Point = [70, 108]; // leg | ankle, on the achilles
const ANKLE_TOP_FRONT: Point = [124, 108]; // leg | ankle, on the shin
const ANKLE_BOTTOM_BACK: Point = [68, 152]; // ankle | heel, on the achilles
const ANKLE_BOTTOM_FRONT: Point = [138, 140]; // ankle | top of the foot, at the front of the ankle
const UNDER_ANKLE: Point = [102, 160]; // ankle, heel and top of the foot meet
const SOLE_BACK: Point = [60, 214]; // the sole starts from nothing under the heel and thickens forwards
const SOLE_HEEL_TOP: Point = [94, 198]; // heel, sole and top of the foot meet
const BALL: Point = [218, 214];
const SOLE_FRONT_TOP: Point = [220, 196];
const TOE_BASE_TOP: Point = [222, 170];

const legTop = edge(LEG_TOP_FRONT, line(LEG_TOP_BACK));
const calf = edge(LEG_TOP_BACK, curve([40, 52], [70, 80], ANKLE_TOP_BACK));
const shin = edge(LEG_TOP_FRONT, curve([128, 48], [123, 84], ANKLE_TOP_FRONT));
const legAnkle = edge(ANKLE_TOP_BACK, curve([86, 112], [108, 112], ANKLE_TOP_FRONT));
const achilles = edge(ANKLE_TOP_BACK, curve([67, 124], [66, 140], ANKLE_BOTTOM_BACK));
const ankleFront = edge(ANKLE_TOP_FRONT, curve([124, 122], [128, 134], ANKLE_BOTTOM_FRONT));
const ankleHeel = edge(ANKLE_BOTTOM_BACK, curve([78, 160], [90, 162], UNDER_ANKLE));
const ankleTop = edge(UNDER_ANKLE, curve([114, 158], [128, 150], ANKLE_BOTTOM_FRONT));
const heelBack = edge(ANKLE_BOTTOM_BACK, curve([68, 168], [42, 165], [38, 188]), curve([35, 206], [44, 214], SOLE_BACK));
const heelFront = edge(SOLE_HEEL_TOP, curve([98, 186], [100, 174], UNDER_ANKLE));
const soleBottom = edge(SOLE_BACK, curve([98, 214], [126, 202], [152, 202]), curve([178, 202], [194, 214], BALL));
const soleTopBack = edge(SOLE_BACK, curve([72, 213], [80, 199], SOLE_HEEL_TOP));
const soleTopFront = edge(SOLE_HEEL_TOP, curve([114, 197], [130, 181], [152, 181]), curve([178, 181], [198, 196], SOLE_FRONT_TOP));
const soleFrontEnd = edge(SOLE_FRONT_TOP, curve([220, 203], [219, 209], BALL));
const instep = edge(ANKLE_BOTTOM_FRONT, curve([170, 146], [202, 158], TOE_BASE_TOP));
const toesBack = edge(TOE_BASE_TOP, curve([222, 180], [220, 189], SOLE_FRONT_TOP));
const toesOutline = edge(
  TOE_BASE_TOP,
  curve([238, 175], [264, 177], [278, 186]),
  curve([288, 193], [286, 214], [268, 214]),
  curve([250, 214], [232, 211], BALL),
);

export const FOOT_REGIONS: readonly FootRegion[] = [
  { area: 'leg', pathData: closedPath(legTop, calf, legAnkle, reversed(shin)) },
  { area: 'ankle', pathData: closedPath(legAnkle, ankleFront, reversed(ankleTop), reversed(ankleHeel), reversed(achilles)) },
  { area: 'heel', pathData: closedPath(heelBack, soleTopBack, heelFront, reversed(ankleHeel)) },
  { area: 'sole', pathData: closedPath(soleBottom, reversed(soleFrontEnd), reversed(soleTopFront), reversed(soleTopBack)) },
  { area: 'top', pathData: closedPath(ankleTop, instep, toesBack, reversed(soleTopFront), heelFront) },
  { area: 'toes', pathData: closedPath(toesOutline, reversed(soleFrontEnd), reversed(toesBack)) },
];

/** Whether a region is drawn in the highlight colour for `area`; the AVG expression below says the same. */
function isHighlighted(region: FootRegion, area: Area | null): boolean {
  return region.area !== 'leg' && (area === region.area || area === 'whole');
}

/** The region's fill as an APL data-binding expression on the graphic's `area` parameter. */
function fillExpression(region: FootRegion): string {
  if (region.area === 'leg') return FOOT_COLOURS.base;
  return `\${area == '${region.area}' || area == 'whole' ? '${FOOT_COLOURS.highlight}' : '${FOOT_COLOURS.base}'}`;
}

/** The AVG graphic for an APL document's `graphics`; set its `area` parameter to the step's area (or 'none'). */
export function footGraphic(): Record<string, unknown> {
  return {
    type: 'AVG',
    version: '1.2',
    width: FOOT_VIEWPORT.width,
    height: FOOT_VIEWPORT.height,
    viewportWidth: FOOT_VIEWPORT.width,
    viewportHeight: FOOT_VIEWPORT.height,
    parameters: [{ name: 'area', type: 'string', default: 'none' }],
    items: FOOT_REGIONS.map((region) => ({
      type: 'path',
      pathData: region.pathData,
      fill: fillExpression(region),
      stroke: FOOT_COLOURS.outline,
      strokeWidth: STROKE_WIDTH,
      strokeLineJoin: 'round',
    })),
  };
}

/** The same diagram as a standalone SVG document, with `area` highlighted (nothing for null). */
export function footSvg(area: Area | null): string {
  const { width, height } = FOOT_VIEWPORT;
  const paths = FOOT_REGIONS.map((region) => {
    const fill = isHighlighted(region, area) ? FOOT_COLOURS.highlight : FOOT_COLOURS.base;
    return `  <path d="${region.pathData}" fill="${fill}" stroke="${FOOT_COLOURS.outline}" stroke-width="${STROKE_WIDTH}" stroke-linejoin="round"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `  <rect x="0" y="0" width="${width}" height="${height}" fill="${PREVIEW_BACKGROUND}"/>`,
    ...paths,
    '</svg>',
  ].join('\n');
}

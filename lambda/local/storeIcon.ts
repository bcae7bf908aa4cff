import { FOOT_COLOURS, FOOT_REGIONS, type FootRegion } from '../voice/footDiagram';
import { encodePng } from './image/png';
import { coverage, outlines, paint, type Placement, type Point } from './image/raster';

/**
 * The skill's store icons, drawn from the same foot as the screens
 * (voice/footDiagram.ts) at build time: the foot in cream, the sole in the
 * screens' coral, on a teal square. Teal sits between the store's white and
 * dark pages (4.7:1 against white, 4.5:1 against black), so the icon reads on both; the
 * square is opaque and the foot stays inside the central circle, since the
 * Alexa app shows icons cropped to a circle.
 */

export interface StoreIcon {
  /** The manifest field that names it. */
  readonly field: 'smallIconUri' | 'largeIconUri';
  /** Its path inside the skill package, and so in its `file://` URI. */
  readonly file: string;
  /** Width and height in pixels, as the store requires them. */
  readonly size: number;
}

export const STORE_ICONS: readonly StoreIcon[] = [
  { field: 'smallIconUri', file: 'assets/images/smallIcon.png', size: 108 },
  { field: 'largeIconUri', file: 'assets/images/largeIcon.png', size: 512 },
];

/** How skill.json refers to an icon of the skill package (the ASK CLI v2 skill-package format). */
export const iconUri = (icon: StoreIcon): string => `file://${icon.file}`;

export const ICON_COLOURS = { background: '#2A7F86', foot: '#F4F1EA', highlight: FOOT_COLOURS.highlight } as const;
/** The area drawn in the highlight colour: the sole, which most of the routine works. */
const HIGHLIGHT: FootRegion['area'] = 'sole';
/** The foot fits a circle of this share of the icon's width, centred. */
const CIRCLE = 0.88;

/**
 * A store icon as PNG bytes, `size` pixels square. Drawn once per size in a process: the foot
 * and its colours are constants, and a process that packages more than once (the deploy
 * suite) would draw the same pixels again. The bytes are shared: write them, never change them.
 */
const drawn = new Map<number, Buffer>();
export function drawIcon(size: number): Buffer {
  let png = drawn.get(size);
  if (png === undefined) drawn.set(size, (png = draw(size)));
  return png;
}

function draw(size: number): Buffer {
  const shapes = (at: Placement, regions: readonly FootRegion[]) => regions.flatMap((r) => outlines(r.pathData, at));
  const at = placement(shapes({ scale: 1, dx: 0, dy: 0 }, FOOT_REGIONS), size);
  const rgb = new Uint8Array(size * size * 3);
  paint(rgb, new Float32Array(size * size).fill(1), ICON_COLOURS.background);
  // The whole foot in one pass, so neighbouring regions leave no seam; then the highlight over it.
  paint(rgb, coverage(shapes(at, FOOT_REGIONS), size, size), ICON_COLOURS.foot);
  paint(
    rgb,
    coverage(
      shapes(
        at,
        FOOT_REGIONS.filter((r) => r.area === HIGHLIGHT),
      ),
      size,
      size,
    ),
    ICON_COLOURS.highlight,
  );
  return encodePng(size, size, rgb);
}

/** Scales and centres the shapes so that their bounding box fits the central circle. */
function placement(shapes: readonly Point[][], size: number): Placement {
  const points = shapes.flat();
  const [minX, maxX] = [Math.min(...points.map((p) => p[0])), Math.max(...points.map((p) => p[0]))];
  const [minY, maxY] = [Math.min(...points.map((p) => p[1])), Math.max(...points.map((p) => p[1]))];
  const scale = (CIRCLE * size) / Math.hypot(maxX - minX, maxY - minY);
  return { scale, dx: size / 2 - ((minX + maxX) / 2) * scale, dy: size / 2 - ((minY + maxY) / 2) * scale };
}

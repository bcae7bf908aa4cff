/**
 * Fills SVG-style path data into a coverage map: each pixel gets the share of
 * its area inside the shape (0…1), so edges come out anti-aliased. Only what
 * the foot diagram emits is read: absolute M, L, C and Z. Curves are
 * flattened into short lines in pixel space; every pixel row is sampled on
 * SUB_ROWS lines (supersampling down the rows), and along each line the
 * covered length of every pixel is exact. Inside means a non-zero winding
 * number, as SVG and AVG fill by default.
 */

export type Point = readonly [number, number];
/** Where path coordinates land in the picture: x' = x × scale + dx. */
export interface Placement {
  readonly scale: number;
  readonly dx: number;
  readonly dy: number;
}

const SUB_ROWS = 5;
/** A flattened curve's lines are at most this long, in pixels: the error is far below a pixel. */
const MAX_SEGMENT_PX = 1.5;

/** The closed outlines of `pathData`, each a list of points in picture pixels. */
export function outlines(pathData: string, at: Placement): Point[][] {
  const tokens = pathData.trim().split(/[\s,]+/);
  const place = (x: number, y: number): Point => [x * at.scale + at.dx, y * at.scale + at.dy];
  const result: Point[][] = [];
  let current: Point[] = [];
  let i = 0;
  const number = (): number => {
    const value = Number(tokens[i++]);
    if (!Number.isFinite(value)) throw new Error(`path data: expected a number at token ${i - 1} of "${pathData.slice(0, 40)}…"`);
    return value;
  };
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      if (current.length > 0) result.push(current);
      current = [place(number(), number())];
    } else if (command === 'L') {
      current.push(place(number(), number()));
    } else if (command === 'C') {
      const p0 = current[current.length - 1];
      const [p1, p2, p3] = [place(number(), number()), place(number(), number()), place(number(), number())];
      const length = distance(p0, p1) + distance(p1, p2) + distance(p2, p3);
      const steps = Math.max(2, Math.ceil(length / MAX_SEGMENT_PX));
      for (let s = 1; s <= steps; s++) current.push(cubic(p0, p1, p2, p3, s / steps));
    } else if (command === 'Z') {
      result.push(current);
      current = [];
    } else {
      throw new Error(`path data: only absolute M, L, C and Z are drawn, not "${command}"`);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

const distance = (a: Point, b: Point): number => Math.hypot(b[0] - a[0], b[1] - a[1]);

function cubic(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/** How much of each pixel (row by row) the outlines cover together, by the non-zero rule. */
export function coverage(shapes: readonly Point[][], width: number, height: number): Float32Array {
  const edges: { x0: number; y0: number; x1: number; y1: number; dir: number }[] = [];
  for (const shape of shapes) {
    shape.forEach((a, index) => {
      const b = shape[(index + 1) % shape.length]; // every outline is closed
      if (a[1] === b[1]) return; // horizontal: crosses no sampling line
      edges.push(a[1] < b[1] ? { x0: a[0], y0: a[1], x1: b[0], y1: b[1], dir: 1 } : { x0: b[0], y0: b[1], x1: a[0], y1: a[1], dir: -1 });
    });
  }
  const cover = new Float32Array(width * height);
  const weight = 1 / SUB_ROWS;
  const crossings: { x: number; dir: number }[] = [];
  for (let row = 0; row < height; row++) {
    for (let sub = 0; sub < SUB_ROWS; sub++) {
      const y = row + (sub + 0.5) / SUB_ROWS;
      crossings.length = 0;
      for (const e of edges) {
        if (y < e.y0 || y >= e.y1) continue;
        crossings.push({ x: e.x0 + ((y - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.dir });
      }
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      let start = 0;
      for (const crossing of crossings) {
        const before = winding;
        winding += crossing.dir;
        if (before === 0 && winding !== 0) start = crossing.x;
        else if (before !== 0 && winding === 0) addSpan(cover, row * width, width, start, crossing.x, weight);
      }
    }
  }
  return cover;
}

/** Adds `weight` × the covered length of each pixel in [from, to) on one row. */
function addSpan(cover: Float32Array, offset: number, width: number, from: number, to: number, weight: number): void {
  const a = Math.max(0, from);
  const b = Math.min(width, to);
  if (b <= a) return;
  const first = Math.floor(a);
  const last = Math.floor(b);
  if (first === last) {
    cover[offset + first] += (b - a) * weight;
    return;
  }
  cover[offset + first] += (first + 1 - a) * weight;
  for (let x = first + 1; x < last; x++) cover[offset + x] += weight;
  if (last < width) cover[offset + last] += (b - last) * weight;
}

/** Paints `colour` ('#rrggbb') over RGB pixels in proportion to each pixel's coverage. */
export function paint(rgb: Uint8Array, cover: Float32Array, colour: string): void {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
  for (let p = 0; p < cover.length; p++) {
    const c = Math.min(1, cover[p]);
    if (c <= 0) continue;
    rgb[p * 3] = Math.round(rgb[p * 3] * (1 - c) + r * c);
    rgb[p * 3 + 1] = Math.round(rgb[p * 3 + 1] * (1 - c) + g * c);
    rgb[p * 3 + 2] = Math.round(rgb[p * 3 + 2] * (1 - c) + b * c);
  }
}

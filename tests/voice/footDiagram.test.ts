import { AREAS, type Area } from '../../lambda/guide/catalog';
import { FOOT_COLOURS, FOOT_REGIONS, FOOT_VIEWPORT, footGraphic, footSvg } from '../../lambda/voice/footDiagram';

const HIGHLIGHTABLE = AREAS.filter((area): area is Exclude<Area, 'whole'> => area !== 'whole');

/** Splits SVG/AVG path data into commands and the numbers that follow each one. */
function commandsOf(pathData: string): { command: string; numbers: number[] }[] {
  const tokens = pathData.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: { command: string; numbers: number[] }[] = [];
  for (const token of tokens) {
    if (/^[A-Za-z]$/.test(token)) out.push({ command: token, numbers: [] });
    else if (out.length) out[out.length - 1].numbers.push(Number(token));
    else throw new Error(`path data starts with a number: ${pathData}`);
  }
  return out;
}

const highlightFills = (svg: string): number => svg.split(`fill="${FOOT_COLOURS.highlight}"`).length - 1;

describe('foot regions', () => {
  test('every highlightable area has exactly one region, plus one leg', () => {
    for (const area of HIGHLIGHTABLE) expect(FOOT_REGIONS.filter((r) => r.area === area)).toHaveLength(1);
    expect(FOOT_REGIONS.filter((r) => r.area === 'leg')).toHaveLength(1);
    expect(FOOT_REGIONS).toHaveLength(HIGHLIGHTABLE.length + 1);
  });

  test.each(FOOT_REGIONS.map((r) => [r.area, r.pathData] as const))(
    '%s: one closed path of AVG commands, absolute coordinates inside the viewport',
    (_area, pathData) => {
      // Only characters path data can hold: commands, digits, signs, points, separators.
      expect(pathData).toMatch(/^[MLHVCSQTAZmlhvcsqtaz0-9.,\-+eE\s]+$/);
      const commands = commandsOf(pathData);
      expect(commands.length).toBeGreaterThan(2);
      for (const { command } of commands) expect('MLHVCSQTAZ').toContain(command);
      expect(commands[0].command).toBe('M');
      expect(commands[commands.length - 1].command).toBe('Z');
      expect(commands.filter((c) => c.command === 'M')).toHaveLength(1);

      const arity: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
      for (const { command, numbers } of commands) {
        expect(numbers.length % Math.max(arity[command], 1)).toBe(0);
        if (command === 'Z') expect(numbers).toHaveLength(0);
        else expect(numbers.length).toBeGreaterThan(0);
        for (const [i, n] of numbers.entries()) {
          expect(Number.isFinite(n)).toBe(true);
          if (command === 'A' && i % 7 < 5) continue; // radii, rotation and flags are not coordinates
          const limit = command === 'V' || (command !== 'H' && i % 2 === 1) ? FOOT_VIEWPORT.height : FOOT_VIEWPORT.width;
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThanOrEqual(limit);
        }
      }
    },
  );
});

describe('footGraphic', () => {
  const graphic = footGraphic();

  test('has one path per region; each area region fills by an expression on its own area or whole', () => {
    expect(graphic.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'area', type: 'string' })]));
    const items = graphic.items as { type: string; pathData: string; fill: string; stroke: string; strokeWidth: number }[];
    expect(items).toHaveLength(FOOT_REGIONS.length);
    items.forEach((item, i) => {
      const region = FOOT_REGIONS[i];
      expect(item).toMatchObject({ type: 'path', pathData: region.pathData, stroke: FOOT_COLOURS.outline, strokeWidth: 2 });
      if (region.area === 'leg') {
        expect(item.fill).toBe(FOOT_COLOURS.base);
      } else {
        expect(item.fill).toMatch(/^\$\{.*\}$/);
        expect(item.fill).toContain(`area == '${region.area}'`);
        expect(item.fill).toContain(`area == 'whole'`);
        expect(item.fill).toContain(`'${FOOT_COLOURS.highlight}'`);
        expect(item.fill).toContain(`'${FOOT_COLOURS.base}'`);
        for (const other of HIGHLIGHTABLE.filter((a) => a !== region.area)) expect(item.fill).not.toContain(`'${other}'`);
      }
    });
  });

  test('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(graphic))).toEqual(graphic);
  });
});

describe('footSvg', () => {
  test.each(HIGHLIGHTABLE)('%s highlights exactly its own region', (area) => {
    const svg = footSvg(area);
    expect(highlightFills(svg)).toBe(1);
    const region = FOOT_REGIONS.find((r) => r.area === area);
    expect(svg).toContain(`<path d="${region?.pathData}" fill="${FOOT_COLOURS.highlight}"`);
  });

  test('whole highlights every region but the leg; null highlights none', () => {
    expect(highlightFills(footSvg('whole'))).toBe(HIGHLIGHTABLE.length);
    expect(highlightFills(footSvg(null))).toBe(0);
    const leg = FOOT_REGIONS.find((r) => r.area === 'leg');
    expect(footSvg('whole')).toContain(`<path d="${leg?.pathData}" fill="${FOOT_COLOURS.base}"`);
  });

  test.each([...AREAS, null])('%s is a standalone SVG document of the viewport size, without text', (area) => {
    const svg = footSvg(area);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain(`viewBox="0 0 ${FOOT_VIEWPORT.width} ${FOOT_VIEWPORT.height}"`);
    expect(svg.match(/<path /g)).toHaveLength(FOOT_REGIONS.length);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toContain('<text');
    // Every element opened is closed (all are self-closing except the root).
    expect(svg.match(/<(?!\/)[^>]*[^/]>/g)).toHaveLength(1);
  });
});

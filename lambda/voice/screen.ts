
/**
 * The one APL document: a step screen (title, "Step 2 of 3" with a progress
 * bar, the foot with the area to work highlighted, the step text, a bar that
 * fills during a counted step, and Back / Repeat / Next / Pause), a menu of
 * techniques to touch, and an answer screen. Everything it shows comes from
 * the datasource `guide` (voice/display.ts); sizes come from viewport-
 * conditioned resources so it reads from a couple of metres on an Echo Show 5,
 * a Show 15 or a TV, and a round Echo Spot drops the diagram.
 */
export const APL_TOKEN = 'footMassageGuide';
export const APL_VERSION = '2023.3';
/** How long a waiting step keeps the session open without a spoken command, and how often it says so. */
export const KEEP_ALIVE_MS = 10 * 60 * 1000;
export const KEEP_ALIVE_TICK_MS = 15_000;
/** The UserEvent argument of a keep-alive tick (handlers/keepAlive.ts). */
export const KEEP_ALIVE_EVENT = 'keepAlive';

const P = 'payload.guide.properties';
const BACKGROUND = '#1B1F2B';
const TEXT = '#F4F1EA';
const MUTED = '#B8BCC8';

const touchButton = (labelExpr: string, actionExpr: string, accent: string, height = '@buttonHeight') => ({
  type: 'TouchWrapper',
  spacing: '@gap',
  onPress: [{ type: 'SendEvent', arguments: [actionExpr] }],
  item: {
    type: 'Frame',
    backgroundColor: '#2E3446',
    borderRadius: '12dp',
    borderWidth: '2dp',
    borderColor: accent,
    height,
    paddingLeft: '@gap',
    paddingRight: '@gap',
    item: { type: 'Text', text: labelExpr, fontSize: '@buttonSize', color: TEXT, textAlignVertical: 'center', height: '100%' },
  },
});

const buildDocument = () => {
  // Loaded with the document: a process that only serves speakers never draws the foot.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FOOT_COLOURS, footGraphic } = require('./footDiagram') as typeof import('./footDiagram');
  return {
  type: 'APL',
  version: APL_VERSION,
  theme: 'dark',
  // Keep the screen up while the user works through a long counted step.
  settings: { idleTimeout: 600000 },
  // While a step waits for the user (nothing counted), a silent event every 15 s keeps the
  // session open, so "Alexa, next" reaches the skill whenever the hands are free. The skill
  // ends the session after KEEP_ALIVE_MS without a spoken command; the screen stops asking
  // at the same bound on its own clock.
  handleTick: [
    {
      when: `\${${P}.keepAlive && elapsedTime < ${KEEP_ALIVE_MS}}`,
      minimumDelay: KEEP_ALIVE_TICK_MS,
      commands: [{ type: 'SendEvent', arguments: [KEEP_ALIVE_EVENT] }],
    },
  ],
  resources: [
    { dimensions: { pad: '24dp', gap: '16dp', titleSize: '30dp', subtitleSize: '22dp', bodySize: '24dp', hintSize: '18dp', buttonSize: '22dp', buttonHeight: '56dp', footWidth: '240dp', footHeight: '180dp' } },
    { when: '${viewport.width >= 1200}', dimensions: { pad: '48dp', gap: '24dp', titleSize: '44dp', subtitleSize: '30dp', bodySize: '34dp', hintSize: '24dp', buttonSize: '28dp', buttonHeight: '72dp', footWidth: '440dp', footHeight: '330dp' } },
    { when: "${viewport.mode == 'tv'}", dimensions: { pad: '32dp', gap: '20dp', titleSize: '36dp', subtitleSize: '26dp', bodySize: '28dp', hintSize: '22dp', buttonSize: '24dp', buttonHeight: '56dp', footWidth: '300dp', footHeight: '225dp' } },
    { when: "${viewport.shape == 'round'}", dimensions: { pad: '56dp', gap: '12dp', titleSize: '26dp', subtitleSize: '20dp', bodySize: '20dp', hintSize: '16dp', buttonSize: '18dp', buttonHeight: '48dp', footWidth: '0dp', footHeight: '0dp' } },
  ],
  graphics: { foot: footGraphic() },
  mainTemplate: {
    parameters: ['payload'],
    items: [
      {
        type: 'Container',
        width: '100vw',
        height: '100vh',
        paddingTop: '@pad',
        paddingBottom: '@pad',
        paddingLeft: '@pad',
        paddingRight: '@pad',
        item: [
          { type: 'Frame', position: 'absolute', width: '100vw', height: '100vh', top: 0, left: 0, backgroundColor: BACKGROUND },
          { type: 'Text', text: `\${${P}.title}`, fontSize: '@titleSize', fontWeight: 'bold', color: TEXT, maxLines: 1 },
          {
            type: 'Text',
            when: `\${${P}.subtitle != ''}`,
            text: `\${${P}.subtitle}\${${P}.foot != '' ? ' · ' + ${P}.foot : ''}`,
            fontSize: '@subtitleSize',
            color: MUTED,
            maxLines: 1,
          },
          {
            type: 'Frame',
            when: `\${${P}.screen == 'step'}`,
            width: '100%',
            height: '10dp',
            spacing: '8dp',
            borderRadius: '5dp',
            backgroundColor: '#3A4055',
            item: { type: 'Frame', width: `\${${P}.progress}%`, height: '10dp', borderRadius: '5dp', backgroundColor: FOOT_COLOURS.highlight },
          },
          {
            type: 'Container',
            direction: 'row',
            grow: 1,
            shrink: 1,
            spacing: '@gap',
            items: [
              {
                type: 'VectorGraphic',
                when: `\${${P}.area != 'none' && viewport.shape != 'round'}`,
                source: 'foot',
                width: '@footWidth',
                height: '@footHeight',
                scale: 'best-fit',
                area: `\${${P}.area}`,
              },
              {
                type: 'Container',
                grow: 1,
                shrink: 1,
                paddingLeft: '@gap',
                items: [
                  {
                    type: 'ScrollView',
                    grow: 1,
                    shrink: 1,
                    item: { type: 'Text', text: `\${${P}.body}`, fontSize: '@bodySize', color: TEXT, lineHeight: 1.3 },
                  },
                  {
                    type: 'Container',
                    when: `\${${P}.practiceMs > 0}`,
                    spacing: '@gap',
                    items: [
                      { type: 'Text', text: `\${${P}.practiceLabel}`, fontSize: '@hintSize', color: MUTED },
                      // The track and the bar over it take the column's width without a relative width
                      // (which APL resolves against an auto-width parent unreliably): the track stretches
                      // like any child of a column, and the bar is pinned to its container's left and right.
                      {
                        type: 'Container',
                        height: '14dp',
                        items: [
                          { type: 'Frame', height: '14dp', borderRadius: '7dp', backgroundColor: '#3A4055' },
                          {
                            type: 'Frame',
                            id: 'practiceBar',
                            position: 'absolute',
                            top: 0,
                            left: 0,
                            right: 0,
                            height: '14dp',
                            borderRadius: '7dp',
                            backgroundColor: FOOT_COLOURS.highlight,
                            transform: [{ scaleX: 0 }],
                            // Fills over the counted seconds, starting about when the voice says "Begin now".
                            onMount: [
                              {
                                type: 'AnimateItem',
                                componentId: 'practiceBar',
                                delay: `\${${P}.practiceDelayMs}`,
                                duration: `\${${P}.practiceMs}`,
                                easing: 'linear',
                                value: [{ property: 'transform', from: [{ scaleX: 0 }], to: [{ scaleX: 1 }] }],
                              },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                  {
                    type: 'Sequence',
                    when: `\${${P}.screen == 'menu'}`,
                    grow: 1,
                    data: `\${${P}.items}`,
                    item: touchButton('${data.label}', '${data.action}', FOOT_COLOURS.highlight),
                  },
                ],
              },
            ],
          },
          { type: 'Text', when: `\${${P}.hint != ''}`, text: `\${${P}.hint}`, fontSize: '@hintSize', color: MUTED, spacing: '@gap', maxLines: 2 },
          {
            type: 'Container',
            direction: 'row',
            spacing: '@gap',
            data: `\${${P}.buttons}`,
            item: touchButton('${data.label}', '${data.action}', FOOT_COLOURS.highlight),
          },
        ],
      },
    ],
  },
} as const;
};

let document: ReturnType<typeof buildDocument> | undefined;
/** The document-level settings APL 2023.x reads from `environment` (at the document's root they are deprecated). */
interface Environment {
  readonly lang: string;
  readonly layoutDirection: 'LTR' | 'RTL';
}
type LocalisedDocument = ReturnType<typeof buildDocument> & { environment: Environment };
const localised = new Map<string, LocalisedDocument>();

/**
 * The document for a locale, built on first use and kept (it never changes
 * between requests); a process that only serves speakers never builds it.
 * `environment.lang` picks the device's fonts and line breaking,
 * `environment.layoutDirection` lays Arabic out right to left. `locale` is
 * always a supported one (voiceFor).
 */
export function aplDocument(locale = 'en-US'): LocalisedDocument {
  let found = localised.get(locale);
  if (!found) {
    document ??= buildDocument();
    found = { ...document, environment: { lang: locale, layoutDirection: textDirection(locale) === 'rtl' ? 'RTL' : 'LTR' } };
    localised.set(locale, found);
  }
  return found;
}

/** 'rtl' for Arabic and the like; Intl knows (Node 20 and later). */
function textDirection(locale: string): string {
  try {
    return (new Intl.Locale(locale) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo?.direction ?? 'ltr';
  } catch {
    return 'ltr';
  }
}

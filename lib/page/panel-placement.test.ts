import { describe, expect, it } from 'vitest';
import { EDGE, GAP, placePanel, type Box } from './panel-placement';

const viewport = { width: 1280, height: 720 };
const badgeAt = (top: number, left = 600, height = 22, width = 160): Box => ({ top, bottom: top + height, left, right: left + width });
const inside = (p: ReturnType<typeof placePanel>, v = viewport) =>
  p.top >= EDGE && p.top + p.maxHeight <= v.height - EDGE && p.left >= EDGE && p.left + p.width <= v.width - EDGE;

describe('placePanel', () => {
  it('opens below a badge near the top, start-aligned with it, at its full height', () => {
    const p = placePanel(badgeAt(100), 400, viewport, false);
    expect(p).toEqual({ side: 'below', top: 122 + GAP, left: 600, width: 380, maxHeight: 400 });
  });

  it('flips above a badge near the bottom of the viewport (Instagram, TikTok), never cut off', () => {
    const badge = badgeAt(660);
    const p = placePanel(badge, 420, viewport, false);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(420);
    expect(p.top + p.maxHeight).toBe(badge.top - GAP);
    expect(inside(p)).toBe(true);
  });

  it('takes the roomier side and cuts its height to the room when it fits on neither', () => {
    const small = { width: 400, height: 300 };
    const p = placePanel(badgeAt(200, 20), 900, small, false);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(200 - GAP - EDGE);
    expect(inside(p, small)).toBe(true);
    const q = placePanel(badgeAt(60, 20), 900, small, false);
    expect(q.side).toBe('below');
    expect(q.maxHeight).toBe(300 - 82 - GAP - EDGE);
    expect(inside(q, small)).toBe(true);
  });

  it('aligns to the badge’s right edge in right-to-left pages and stays inside the viewport sideways', () => {
    expect(placePanel(badgeAt(100, 900), 300, viewport, true).left).toBe(900 + 160 - 380);
    expect(placePanel(badgeAt(100, 20), 300, viewport, true).left).toBe(EDGE);
    expect(placePanel(badgeAt(100, 1200), 300, viewport, false).left).toBe(1280 - 380 - EDGE);
    const phone = { width: 360, height: 640 };
    const p = placePanel(badgeAt(100, 10), 300, phone, false);
    expect(p.width).toBe(360 - 2 * EDGE);
    expect(inside(p, phone)).toBe(true);
  });

  it('stays inside the viewport when the badge is scrolled partly or wholly out of view', () => {
    for (const top of [-40, -500, 710, 2000]) {
      const p = placePanel(badgeAt(top), 350, viewport, false);
      expect(inside(p), `badge at ${top}`).toBe(true);
      expect(p.maxHeight).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { words } from '../text/normalise';
import { anotherEventOfParties, readRoles } from './roles';

const CLAIM = words('مقطع فيديو يُظهر أسر عناصر من الجيش السوري على أيدي قوات سوريا الديمقراطية "قسد" في مدينة حلب');
const other = (post: string, claim = CLAIM) => anotherEventOfParties(words(post), claim);

describe('readRoles', () => {
  it('reads the doer after a doer marker and the sufferer after a members word', () => {
    const roles = readRoles(CLAIM);
    expect([...roles.sufferers]).toEqual(['جيش']);
    expect(roles.doers).toContain('قسد');
    // Places and framing are neither parties nor the event.
    expect([...roles.event]).toEqual(['اسر']);
  });

  it('reads clitics and dialect spellings: لعناصر, على ايدى, بيد', () => {
    expect([...readRoles(words('أسر قوات سوريا الديمقراطية لعناصر من الجيش السوري')).sufferers]).toEqual(['جيش']);
    expect([...readRoles(words('اسر عناصر الجيش على ايدى قسد فى حلب')).doers]).toEqual(['قسد']);
    expect([...readRoles(words('أسرى بيد قسد')).doers]).toEqual(['قسد']);
  });

  it('drops a word named on both sides', () => {
    const roles = readRoles(words('عناصر من الجيش السوري على يد الجيش الحر'));
    expect(roles.sufferers).not.toContain('جيش');
    expect(roles.doers).not.toContain('جيش');
  });
});

describe('anotherEventOfParties', () => {
  it.each([
    ['roles swapped', 'صور أسرى من عناصر قسد بيد الجيش السوري في حلب'],
    ['roles swapped, doer as subject', 'الجيش السوري يأسر عناصر من قسد في حلب'],
    ['the parties side by side after بين', 'مقطع من اشتباكات حلب بين الجيش السوري وقسد'],
    ['one party with the other', 'مقتل 25 عنصرا من الجيش السوري في اشتباكات مع قسد في حلب'],
    ['the parties joined by و', 'الجيش السوري وقوات سوريا الديمقراطية يتفقان على تبادل الأسرى'],
    ['both parties, another event', 'إصابة عناصر من الجيش السوري بقصف لقسد في مدينة حلب'],
  ])('another event: %s', (_, post) => {
    expect(other(post)).toBe(true);
  });

  it.each([
    ['the claim in other words', 'قسد تأسر جنودا من الجيش السوري في مدينة حلب'],
    ['the doer as subject', 'قوات سوريا الديمقراطية تأسر عناصر من الجيش السوري'],
    ['the doer after عند', 'فديو اسرى الجيش السوري عند قسد بمدينة حلب'],
    ['one party only', 'اشتباكات عنيفة في حلب مع قسد'],
  ])('not judged another event: %s', (_, post) => {
    expect(other(post)).toBe(false);
  });

  it('never judges a claim without both a doer and a sufferer', () => {
    const escape = words('مقطع فيديو لهروب جماعي للقوات والميليشيات الإيرانية في ريف حلب خلال المعارك مع المعارضة');
    expect(other('اشتباكات بين القوات والمعارضة في ريف حلب', escape)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { timeZoneSchema } from './time-zone.js';

describe('timeZoneSchema', () => {
  it('accepts every zone the runtime knows, and UTC', () => {
    const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/GMT+9'];
    const refused = zones.filter((zone) => !timeZoneSchema.safeParse(zone).success);
    expect(refused).toEqual([]);
  });

  it('refuses what is not a zone name, even where Intl would not throw', () => {
    for (const zone of [
      '',
      'Asia/Nowhere',
      "Asia/Seoul'; drop table x",
      '../etc/passwd',
      '+09:00',
      'a'.repeat(65),
    ])
      expect(timeZoneSchema.safeParse(zone).success, zone).toBe(false);
  });
});

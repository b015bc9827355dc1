import { defineManifest } from '@app/contracts';

/** What the portal and the web shell show of starterapp. */
export const starterappManifest = defineManifest({
  name: 'starterapp',
  title: { ko: 'Starterapp', en: 'Starterapp' },
  tagline: { ko: 'Starterapp', en: 'Starterapp' },
  description: { ko: 'Starterapp', en: 'Starterapp' },
  accent: '#475569',
  icon: 'S',
});

import { defineManifest } from '@app/contracts';
import { mountWebApp } from '@app/ui';
import { PortalHome } from './portal-home.js';

const portal = defineManifest({
  name: 'portal',
  title: { ko: '캠퍼스', en: 'Campus' },
  tagline: { ko: '전체 앱', en: 'All apps' },
  description: { ko: '계정 하나로 모든 앱을 씁니다.', en: 'One account for every app.' },
  accent: '#334155',
  icon: 'C',
});

// The portal at `/`: the apps this server runs, and the pages that mail links open (verify, reset).
mountWebApp({ manifest: portal, Home: PortalHome, publicHome: true });

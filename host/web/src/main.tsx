import { mountWebApp } from '@app/ui';
import { PortalHome } from './portal-home.js';

// The portal at `/`: the four apps, and the pages that mail links open (verify, reset).
mountWebApp({ app: 'portal', accent: '#334155', Home: PortalHome, publicHome: true });

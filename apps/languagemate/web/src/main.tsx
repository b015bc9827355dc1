import { mountWebApp } from '@app/ui';
import { Home } from './home.js';

mountWebApp({ app: 'languagemate', accent: '#047857', Home });

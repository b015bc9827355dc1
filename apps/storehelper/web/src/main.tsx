import { mountWebApp } from '@app/ui';
import { Home } from './home.js';

mountWebApp({ app: 'storehelper', accent: '#c2410c', Home });

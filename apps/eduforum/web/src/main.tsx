import { mountWebApp } from '@app/ui';
import { Home } from './home.js';

mountWebApp({ app: 'eduforum', accent: '#1d4ed8', Home });

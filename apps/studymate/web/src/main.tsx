import { mountWebApp } from '@app/ui';
import { Home } from './home.js';

mountWebApp({ app: 'studymate', accent: '#6d28d9', Home });

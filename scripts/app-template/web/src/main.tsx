import { starterappManifest } from '@app/starterapp-contracts';
import { mountWebApp } from '@app/ui';
import { Home } from './home.js';
import { messages } from './messages.js';

mountWebApp({ manifest: starterappManifest, Home, messages });

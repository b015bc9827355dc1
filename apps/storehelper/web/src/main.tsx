import { storehelperManifest } from '@app/storehelper-contracts';
import { mountWebApp } from '@app/ui';
import { Home } from './home.js';
import { messages } from './messages.js';

mountWebApp({ manifest: storehelperManifest, Home, messages });

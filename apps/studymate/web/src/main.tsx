import { studymateManifest } from '@app/studymate-contracts';
import { mountWebApp } from '@app/ui';
import { Home } from './home.js';
import { messages } from './messages.js';

mountWebApp({ manifest: studymateManifest, Home, messages });

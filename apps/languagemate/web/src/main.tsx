import { languagemateManifest } from '@app/languagemate-contracts';
import { mountWebApp } from '@app/ui';
import { Home } from './home.js';
import { messages } from './messages.js';

mountWebApp({ manifest: languagemateManifest, Home, messages });

/** Entry of dist/server.js: `node dist/server.js --stdio` (or --node-ipc when started by the VS Code client). */
import { startServer } from './server';
import './features';

startServer();

/**
 * `npm run web`: Reclaim in a browser, for machines without a display and for end-to-end
 * tests. Plain Node; no Electron.
 */
import path from 'node:path';
import { ReclaimFailure } from '../../shared/errors';
import { createReclaimService } from '../service/create-service';
import { SettingsStore } from '../settings/settings-store';
import { HistoryStore } from '../history/history-store';
import { ImageUseStore } from '../usage/image-use-store';
import { readWebOptions } from './options';
import { startWebServer } from './server';
import { terminalErrorText } from './terminal-words';

async function main(): Promise<void> {
  const options = readWebOptions(process.argv.slice(2), process.env);
  const settings = await SettingsStore.open(options.settingsDir);
  const service = createReclaimService({
    settings,
    history: await HistoryStore.open(options.settingsDir),
    imageUse: await ImageUseStore.open(options.settingsDir),
    // Nothing to open on this side: the server may be headless or remote. The browser client
    // opens the tab itself once openDocs has passed the allow-list here.
    openExternal: () => undefined,
  });
  const server = await startWebServer({
    service,
    // Built next to this file: out/main/web.js serves out/renderer.
    rendererDir: path.join(__dirname, '../renderer'),
    token: options.token,
    port: options.port,
  });
  console.log(`Reclaim is running at ${server.url}`);
  const status = await service.start(options.endpoint);
  if (status.state === 'connected') {
    console.log(
      `Connected to ${status.engine.endpoint.host} (${status.engine.kind} ${status.engine.version})`,
    );
  } else {
    console.log(
      status.state === 'error'
        ? `Not connected.\n${terminalErrorText(status.error)}`
        : `Not connected: ${status.endpoint}`,
    );
  }

  const stop = (): void => {
    service.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ReclaimFailure) console.error(terminalErrorText(error.error));
  else console.error(error);
  process.exit(1);
});

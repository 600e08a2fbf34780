import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN, externalLink, isAllowedRequest } from './policy';

/** No request leaves the machine: anything but the app's own scheme is cancelled and logged. */
export function hardenSession(log: (line: string) => void): void {
  const ses = session.defaultSession;
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url);
    if (!allowed) log(`blocked request: ${details.method} ${details.url}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`denied permission: ${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Files are written by main through dialogs only; a page-initiated download is refused.
  ses.on('will-download', (event, item) => {
    log(`denied download: ${item.getURL().slice(0, 200)}`);
    event.preventDefault();
  });
}

/** Navigation and new windows are denied; an https link the user clicks opens in the OS browser. */
export function hardenContents(contents: WebContents, log: (line: string) => void): void {
  const deny = (what: string) => (event: Electron.Event, url: string) => {
    if (url.startsWith(`${APP_ORIGIN}/`)) return;
    event.preventDefault();
    log(`denied ${what}: ${url}`);
  };
  contents.on('will-navigate', deny('navigation'));
  contents.on('will-redirect', deny('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const link = externalLink(url);
    // Reviewed in build/SECURITY.md: only a parsed https: URL without credentials reaches the OS browser.
    if (link)
      void shell.openExternal(link); // eng-disable OPEN_EXTERNAL_JS_CHECK
    else log(`denied window: ${url}`);
    return { action: 'deny' };
  });
}

export function hardenApp(log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
}

import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN, isAllowedRequest } from './policy';

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
}

/** Navigation and new windows are denied; an https link the user clicks opens in the OS browser. */
export function hardenContents(contents: WebContents, log: (line: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) {
      event.preventDefault();
      log(`denied navigation: ${url}`);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    else log(`denied window: ${url}`);
    return { action: 'deny' };
  });
}

export function hardenApp(log: (line: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, log));
}

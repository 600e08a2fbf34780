import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, externalLink, isAllowedRequest, resolveInside } from './policy';

describe('what the desktop shell lets through', () => {
  it('allows only the app origin and in-memory URLs', () => {
    expect(isAllowedRequest('app://planner/index.html')).toBe(true);
    expect(isAllowedRequest('app://planner/assets/index.js')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest('https://example.com/')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequest('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequest('app://other/index.html')).toBe(false);
    expect(isAllowedRequest('ws://localhost:5173/')).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    const root = path.resolve('/opt/app/dist/renderer');
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveInside(root, '/../../etc/passwd')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside(root, '/assets/../../secret')).toBeNull();
  });

  it('has a CSP with no eval, no inline script and no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });

  it('opens only plain https links in the OS browser', () => {
    expect(externalLink('https://www.nvidia.com/en-us/data-center/h100/')).toBe(
      'https://www.nvidia.com/en-us/data-center/h100/',
    );
    expect(externalLink('http://example.com/')).toBeNull();
    expect(externalLink('file:///etc/passwd')).toBeNull();
    expect(externalLink('javascript:alert(1)')).toBeNull();
    expect(externalLink('https://user:pw@example.com/')).toBeNull();
    expect(externalLink('smb://host/share')).toBeNull();
    expect(externalLink('not a url')).toBeNull();
  });
});

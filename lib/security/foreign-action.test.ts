import { describe, expect, it } from 'vitest';
import { isForeignOriginAction } from '@/lib/security/foreign-action';
import { config } from '@/lib/config';

const siteHost = new URL(config.SITE_URL).host;
const request = (headers: Record<string, string>, method = 'POST') => ({ method, headers: new Headers(headers) });

describe('isForeignOriginAction', () => {
  it('is a post to a page (an action, with or without script) carrying another site’s Origin', () => {
    expect(isForeignOriginAction(request({ 'next-action': 'abc', origin: 'https://evil.example', host: siteHost }), '/admin/articles/1')).toBe(true);
    expect(isForeignOriginAction(request({ origin: 'https://evil.example', host: siteHost }), '/admin/articles/1')).toBe(true);
    expect(isForeignOriginAction(request({ origin: 'not a url', host: siteHost }), '/admin/login')).toBe(true);
  });
  it('is not our own post, one without Origin (the action refuses that itself), a read, or an API call', () => {
    expect(isForeignOriginAction(request({ origin: `http://${siteHost}`, host: siteHost, 'sec-fetch-site': 'same-origin' }), '/admin/articles/1')).toBe(false);
    expect(isForeignOriginAction(request({ host: siteHost }), '/admin/articles/1')).toBe(false);
    expect(isForeignOriginAction(request({ origin: 'https://evil.example', host: siteHost }, 'GET'), '/admin/articles/1')).toBe(false);
    expect(isForeignOriginAction(request({ origin: 'https://evil.example', host: siteHost }), '/api/admin/articles/1/publish')).toBe(false);
  });
});

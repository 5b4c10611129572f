import { describe, expect, it } from 'vitest';
import { clientAddressFrom, isSameOriginRequest } from '@/lib/auth/request';
import { can, canEditArticle } from '@/lib/auth/roles';

const bag = (headers: Record<string, string>) => ({ get: (name: string) => headers[name] ?? null });

describe('isSameOriginRequest', () => {
  it('accepts a POST from our own pages', () => {
    expect(isSameOriginRequest(bag({ origin: 'http://localhost:3300', host: 'localhost:3300', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });
  it('refuses another origin, a missing Origin, "null" and cross-site fetch metadata', () => {
    expect(isSameOriginRequest(bag({ origin: 'https://evil.example', host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'null', host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'http://localhost:3300', host: 'localhost:3300', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'not a url', host: 'localhost:3300' }))).toBe(false);
  });
});

describe('clientAddressFrom', () => {
  it('takes the address the nearest proxy appended', () => {
    expect(clientAddressFrom(bag({ 'x-forwarded-for': '1.1.1.1, 10.0.0.5' }))).toBe('10.0.0.5');
    expect(clientAddressFrom(bag({}))).toBe('');
  });
});

describe('roles', () => {
  it('lets writers write but not publish, and only their own unpublished articles', () => {
    expect(can('writer', 'article.create')).toBe(true);
    expect(can('writer', 'article.publish')).toBe(false);
    expect(can('editor', 'article.publish')).toBe(true);
    expect(can('editor', 'users.manage')).toBe(false);
    expect(can('admin', 'users.manage')).toBe(true);
    const writer = { id: 5, role: 'writer' as const };
    expect(canEditArticle(writer, { authorId: 5, status: 'draft' })).toBe(true);
    expect(canEditArticle(writer, { authorId: 5, status: 'published' })).toBe(false);
    expect(canEditArticle(writer, { authorId: 6, status: 'draft' })).toBe(false);
    expect(canEditArticle({ id: 1, role: 'editor' }, { authorId: 6, status: 'published' })).toBe(true);
  });
});

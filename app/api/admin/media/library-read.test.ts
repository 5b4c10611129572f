// The library as JSON for the body editor's dialogs: GET /api/admin/media (a page, by kind) and
// GET /api/admin/media/{id}. Only the session is replaced; the database is real.
import crypto from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';

const session = vi.hoisted(() => ({ user: null as null | { id: number; role: 'writer' } }));
vi.mock('@/lib/auth/current', () => ({
  currentUser: async () => session.user,
  authorise: async () => ({ ok: false, status: 401, message: 'Sign in.' }),
}));

const { GET: list } = await import('@/app/api/admin/media/route');
const { GET: one } = await import('@/app/api/admin/media/[id]/route');

const request = (query: string) => new NextRequest(`http://localhost/api/admin/media${query}`);
const tag = crypto.randomBytes(4).toString('hex');
let imageId = 0;
let videoId = 0;
let posterId = 0;

beforeAll(async () => {
  const image = await db.media.create({ data: { kind: 'image', path: `test/${tag}-still.jpg`, mimeType: 'image/jpeg', alt: `Still ${tag}`, width: 10, height: 10 } });
  const poster = await db.media.create({ data: { kind: 'image', path: `test/${tag}-poster.jpg`, mimeType: 'image/jpeg', alt: 'Poster' } });
  const video = await db.media.create({ data: { kind: 'video', path: `test/${tag}-clip.mp4`, mimeType: 'video/mp4', caption: `Clip ${tag}`, posterId: poster.id } });
  imageId = image.id;
  posterId = poster.id;
  videoId = video.id;
});

describe('GET /api/admin/media', () => {
  it('answers 401 without a session', async () => {
    session.user = null;
    expect((await list(request('?kind=image'))).status).toBe(401);
    expect((await one(request(''), { params: Promise.resolve({ id: String(imageId) }) })).status).toBe(401);
  });

  it('lists one kind, newest first, without posters; an odd query is page 1 of everything', async () => {
    session.user = { id: 1, role: 'writer' };
    const images = (await (await list(request('?kind=image'))).json()) as { items: { id: number; kind: string }[]; page: number };
    expect(images.items[0]).toMatchObject({ id: imageId, kind: 'image', alt: `Still ${tag}`, thumbUrl: `/media/test/${tag}-still.jpg` });
    expect(images.items.every((item) => item.kind === 'image')).toBe(true);
    expect(images.items.some((item) => item.id === posterId)).toBe(false);
    const videos = (await (await list(request('?kind=video'))).json()) as { items: { id: number; thumbUrl: string | null }[] };
    expect(videos.items[0]).toMatchObject({ id: videoId, caption: `Clip ${tag}`, thumbUrl: `/media/test/${tag}-poster.jpg` });
    const odd = await list(request('?kind=<script>&page=-4'));
    expect(odd.status).toBe(200);
    expect(((await odd.json()) as { page: number }).page).toBe(1);
  });

  it('reads one item, and 404 for what is not there', async () => {
    session.user = { id: 1, role: 'writer' };
    const found = await one(request(''), { params: Promise.resolve({ id: String(videoId) }) });
    expect(await found.json()).toEqual({ id: videoId, kind: 'video', alt: '', caption: `Clip ${tag}`, credit: '', thumbUrl: `/media/test/${tag}-poster.jpg`, width: null, height: null });
    expect((await one(request(''), { params: Promise.resolve({ id: '999999999' }) })).status).toBe(404);
    expect((await one(request(''), { params: Promise.resolve({ id: 'x' }) })).status).toBe(404);
  });
});

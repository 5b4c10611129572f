// Legacy picture paths: /YYYY/MM/DD/alalam_<18-digit .NET ticks>_25f_4x3.jpg|.mp4. The ticks
// (100 ns since 0001-01-01 UTC) date the picture, and so the related article it stands for.
import type { LegacyMediaKind } from '@/lib/legacy/types';

export const legacyPicPattern = /^\/(\d{4})\/(\d{2})\/(\d{2})\/[A-Za-z0-9_.-]+\.(jpg|jpeg|mp4)$/i;

// Ticks at the Unix epoch.
const unixEpochTicks = 621_355_968_000_000_000n;

export function dotNetTicksToDate(ticks: bigint): Date {
  return new Date(Number((ticks - unixEpochTicks) / 10_000n));
}

export function legacyMediaKind(pic: string): LegacyMediaKind {
  return /\.mp4$/i.test(pic) ? 'video' : 'image';
}

/** When the picture was made: its ticks when the name carries 18 digits of them, else its folder's date. */
export function legacyPicDate(pic: string): string | null {
  const match = legacyPicPattern.exec(pic);
  if (!match) return null;
  const ticks = /_(\d{18})_/.exec(pic)?.[1];
  if (ticks) {
    const date = dotNetTicksToDate(BigInt(ticks));
    if (!Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1990) return date.toISOString();
  }
  const folder = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(folder.getTime()) ? null : folder.toISOString();
}

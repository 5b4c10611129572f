import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notice } from '@/components/admin/Notice';
import { errorCodeFor } from '@/components/admin/outcomes';

describe('Notice', () => {
  it('shows nothing for ?error= text that is not a known code', () => {
    const bait = '<script>alert(1)</script>Your account is suspended, call +1 555 0100';
    const html = renderToStaticMarkup(<Notice error={bait} />);
    expect(html).not.toContain('suspended');
    expect(html).toBe('');
    expect(renderToStaticMarkup(<Notice notice="toString" error="constructor" />)).toBe('');
  });

  it('shows the message of a known code, and refusals map to codes', () => {
    expect(renderToStaticMarkup(<Notice error="confirm-delete" />)).toContain('Tick the box to confirm the deletion.');
    expect(errorCodeFor(['Tick the box to confirm the deletion.'])).toBe('confirm-delete');
    expect(errorCodeFor(['An account for x@example.org already exists.'])).toBe('account-exists');
    expect(errorCodeFor(['This password is too easy to guess. Add more words.'])).toBe('password-weak');
    const repeated = errorCodeFor(['This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common.']);
    expect(repeated).toBe('password-weak-simpleRepeat');
    expect(renderToStaticMarkup(<Notice error={repeated} />)).toContain('Repeated characters like &quot;aaa&quot; are easy to guess.');
    expect(errorCodeFor([undefined, 'Some fields need attention.'])).toBe('fields');
    expect(errorCodeFor(['Something nobody wrote down.'], 'not-found')).toBe('not-found');
    expect(errorCodeFor(['This request did not come from a Lede page.'], 'forbidden')).toBe('origin');
  });
});

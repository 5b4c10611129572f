// Whether a new password is too easy to guess, and why: zxcvbn (Dropbox's estimator, the maintained
// TypeScript port) with its common-password, name and English word lists and keyboard patterns, all
// offline. It sees repeats ("aaaaaaaaaaaa"), sequences, keyboard walks, dates, leet-speak and the
// account's own e-mail. Score 3 of 4 ("safely unguessable: moderate protection from offline attacks",
// about 10^8 guesses and more) is the bar; with the sign-in throttle that is far out of online reach.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { generatePassword } from '@/lib/auth/password';

export const minimumPasswordScore = 3;

/** zxcvbn's warnings by key ("simpleRepeat": 'Repeated characters like "aaa" are easy to guess.'). */
export const passwordWarnings: Readonly<Record<string, string>> = english.translations.warnings;

let estimator: ZxcvbnFactory | undefined;

// Built on first use: the word lists take a moment to load and most processes never set a password.
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return estimator;
}

/**
 * Null for a strong enough password, else a sentence for the person choosing it: the verdict, then
 * zxcvbn's warning and suggestions. userInputs are words an attacker would try first (the e-mail).
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  // zxcvbn's cost grows with length; anything this long is no dictionary word or pattern anyway.
  const result = zxcvbn().check(password.slice(0, 100), userInputs.flatMap((input) => [input, ...input.split(/[@.+_-]+/)]).filter(Boolean));
  if (result.score >= minimumPasswordScore) return null;
  const reasons = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => Boolean(text));
  return ['This password is too easy to guess.', ...reasons].join(' ');
}

/** A generated password (lib/auth/password.ts) that also passes the estimator, as every one will in practice. */
export function generateStrongPassword(userInputs: string[] = []): string {
  for (;;) {
    const password = generatePassword();
    if (!passwordWeakness(password, userInputs)) return password;
  }
}

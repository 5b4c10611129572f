'use client';
// The headline input without maxLength (which cuts a pasted headline mid-word and says nothing): it
// takes what is pasted and says at once, under the field, how far over the limit it is. The server
// refuses it with the same words (lib/articles/headline.ts).
import { useState, type InputHTMLAttributes } from 'react';
import { headlineTooLong, maxHeadlineLength } from '@/lib/articles/headline';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'maxLength' | 'defaultValue'> & { id: string; defaultValue: string };

export function HeadlineInput({ id, defaultValue, 'aria-describedby': describedBy, ...rest }: Props) {
  const [length, setLength] = useState(defaultValue.length);
  // After the server refused it, its message is already under the field: say it again only once edited.
  const [edited, setEdited] = useState(false);
  const over = length > maxHeadlineLength;
  const note = over && (edited || !rest['aria-invalid']);
  return (
    <>
      <input
        {...rest}
        id={id}
        defaultValue={defaultValue}
        onInput={(event) => {
          setLength(event.currentTarget.value.length);
          setEdited(true);
        }}
        aria-invalid={over || rest['aria-invalid'] ? true : undefined}
        aria-describedby={[describedBy, `${id}-length`].filter(Boolean).join(' ')}
      />
      <p id={`${id}-length`} aria-live="polite" data-testid="headline-length" className={note ? 'mt-1 text-sm font-semibold text-red-800' : 'sr-only'}>
        {note ? headlineTooLong(length) : ''}
      </p>
    </>
  );
}

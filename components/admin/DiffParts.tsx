import type { DiffPart } from '@/lib/revisions/diff';

/** A word diff: removed words struck through in red, added ones underlined in green (and said so to screen readers). */
export function DiffParts({ parts }: { parts: DiffPart[] }) {
  return (
    <span className="whitespace-pre-wrap break-words">
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index} className="bg-red-100 text-red-900" aria-label={`removed: ${part.text}`}>
            {part.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900" aria-label={`added: ${part.text}`}>
            {part.text}
          </ins>
        ),
      )}
    </span>
  );
}

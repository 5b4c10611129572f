export function SourceCredit({ source }: { source: string }) {
  return (
    <p className="mt-6 text-sm text-muted">
      Source: <span data-testid="source-credit" className="font-semibold text-ink">{source}</span>
    </p>
  );
}

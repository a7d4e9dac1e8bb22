// Grey placeholders in the shape of what is loading, so that a page is never blank while it waits.

/** One placeholder bar; size it with `className` (height and width). */
export function SkeletonBar({ className = "h-4 w-full" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

/** Placeholder cards with a title bar and a few lines each; `label` is what screen readers hear. */
export function SkeletonCards({ label, cards = 2, lines = 3 }: { label: string; cards?: number; lines?: number }) {
  return (
    <div className="flex flex-col gap-6" aria-busy="true" data-testid="skeleton">
      <p role="status" className="sr-only">
        {label}
      </p>
      {[...Array(cards).keys()].map((card) => (
        <div key={card} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <SkeletonBar className="mb-4 h-5 w-40" />
          <div className="flex flex-col gap-2">
            {[...Array(lines).keys()].map((line) => (
              <SkeletonBar key={line} className={`h-4 ${line % 2 ? "w-2/3" : "w-full"}`} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

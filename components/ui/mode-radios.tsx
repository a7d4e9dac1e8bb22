"use client";

/** The "all" / "let me choose" switch in front of a picker. */
export function ModeRadios({
  name,
  all,
  allLabel,
  chooseLabel,
  onChange,
}: {
  name: string;
  all: boolean;
  allLabel: string;
  chooseLabel: string;
  onChange: (all: boolean) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <label className="flex items-center gap-2">
        <input type="radio" name={name} checked={all} onChange={() => onChange(true)} />
        {allLabel}
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name={name} checked={!all} onChange={() => onChange(false)} />
        {chooseLabel}
      </label>
    </div>
  );
}

'use client';

import { CHOOSABLE_EVENTS, EVENT_LABELS, type EventSwitches as Switches } from '@tiksavr/core';

const FIELD: Record<(typeof CHOOSABLE_EVENTS)[number], keyof Switches> = {
  saved: 'onSaved',
  failed: 'onFailed',
  watched_story: 'onWatchedStory',
};

/** Which events a channel (a device, the webhook) is told about. */
export function EventSwitches({
  legend,
  value,
  onChange,
  disabled = false,
}: {
  legend: string;
  value: Switches;
  onChange: (next: Switches) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-5 gap-y-1">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {CHOOSABLE_EVENTS.map((event) => {
        const field = FIELD[event];
        return (
          <label key={event} className="inline-flex min-h-11 items-center gap-2">
            <input
              type="checkbox"
              className="size-5 accent-brand-600"
              checked={value[field]}
              disabled={disabled}
              onChange={(e) => onChange({ ...value, [field]: e.target.checked })}
            />
            {EVENT_LABELS[event]}
          </label>
        );
      })}
    </fieldset>
  );
}

import { SCREEN_RECORDING_STEPS } from '@tiksavr/core';
import { ScreenRecordingGuideView } from '../help/screen-recording-guide.tsx';

/** The expandable "save it with a screen recording" steps for iPhone and Android. */
export function ScreenRecordingPanel() {
  return (
    <details className="group rounded-lg border border-gray-300 bg-gray-50">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 font-semibold text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
        Save it with a screen recording
      </summary>
      <div className="px-3 pb-3">
        <ScreenRecordingGuideView steps={SCREEN_RECORDING_STEPS} headingLevel={4} />
      </div>
    </details>
  );
}

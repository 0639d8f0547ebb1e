import type { PhonePlatform, ScreenRecordingGuide } from '@tiksavr/core';

export type ScreenRecordingSteps = Readonly<Record<PhonePlatform, ScreenRecordingGuide>>;

/** The iPhone and Android screen-recording steps, side by side on wide screens, stacked on phones. */
export function ScreenRecordingGuideView({
  steps,
  headingLevel = 3,
}: {
  steps: ScreenRecordingSteps;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {(['iphone', 'android'] as const).map((platform) => (
        <section key={platform} className="rounded-lg border border-gray-200 bg-white p-4">
          <Heading className="mb-2 font-semibold">{steps[platform].title}</Heading>
          <ol className="list-decimal space-y-2 pl-5 text-gray-800">
            {steps[platform].steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

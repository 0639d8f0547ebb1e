/**
 * How to keep what TikSavr cannot download: record the screen while the post or story plays.
 * Both phones record the app's own sound by default when set as below, and the recording stays
 * on the phone. Menu names differ a little by phone maker and system version; the steps name
 * the usual variants.
 */
export type ScreenRecordingGuide = {
  readonly title: string;
  readonly steps: readonly string[];
};

export type PhonePlatform = 'iphone' | 'android';

export const SCREEN_RECORDING_STEPS: Readonly<Record<PhonePlatform, ScreenRecordingGuide>> = {
  iphone: {
    title: 'Screen-record it on an iPhone',
    steps: [
      'Add Screen Recording to Control Center (once): on iOS 17 or earlier, open Settings → Control Center and tap the green + next to Screen Recording. On iOS 18 or later, open Control Center, touch and hold an empty spot, tap Add a Control, then choose Screen Recording.',
      'Open the story (or post) in TikTok.',
      'Swipe down from the top-right corner of the screen to open Control Center. On an iPhone with a Home button, swipe up from the bottom edge instead.',
      'Tap the Screen Recording button (a solid circle inside a ring). A 3-second countdown starts.',
      'Close Control Center and play the story from the beginning to the end. The sound from TikTok is recorded; the microphone stays off unless you turn it on.',
      'To stop, tap the red recording indicator at the top of the screen (the red status bar, or the Dynamic Island on newer iPhones), then tap Stop.',
      'The recording is saved to the Photos app.',
    ],
  },
  android: {
    title: 'Screen-record it on an Android phone',
    steps: [
      'Open the story (or post) in TikTok.',
      'Swipe down twice from the top of the screen to open Quick Settings.',
      'Tap the Screen record tile (called Screen recorder on Samsung phones). If it is missing, tap the pencil (Edit) icon and drag the tile into Quick Settings.',
      'Choose what sound to record: pick Media sounds or Device audio (not the microphone), so the story is recorded with its own sound and without room noise.',
      'Tap Start. Recording begins after a short countdown.',
      'Play the story from the beginning to the end.',
      'To stop, swipe down from the top and tap the screen-recording notification (on Samsung, tap the stop button of the recorder toolbar).',
      'The recording is saved in Photos or Gallery, under Movies or the Screen recordings album.',
    ],
  },
};

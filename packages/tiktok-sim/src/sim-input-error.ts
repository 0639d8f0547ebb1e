/**
 * A bad argument to the simulator's control surface (addItem, setFault, /__sim/ bodies).
 * The sim is a stand-in for TikTok and depends on nothing internal, so it has its own small
 * error type instead of core's AppError; the control API turns it into a 400.
 */
export class SimInputError extends Error {
  override name = 'SimInputError' as const;
}

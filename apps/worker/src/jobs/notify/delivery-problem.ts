import { AppError, isAppError } from '@tiksavr/core';

/** A receiver's HTTP status as a delivery outcome: null when it took the message (2xx). */
export function statusProblem(status: number): AppError | null {
  if (status >= 200 && status < 300) return null;
  // Timeouts, "too early", "too many requests" and server errors pass; another try may work.
  const passing = status === 408 || status === 425 || status === 429 || status >= 500;
  return new AppError(passing ? 'notify_receiver_error' : 'notify_rejected', `answered ${status}`, {
    detail: { status },
  });
}

/**
 * What the delivery log says about a failed try, in plain words and specific to this try (the
 * address refused and why, the status answered), where the error table's words are general.
 */
export function deliveryProblemText(error: unknown): string {
  if (!isAppError(error))
    return 'Something went wrong on this TikSavr server while sending. The error was logged.';
  const detail = error.detail;
  switch (error.code) {
    case 'webhook_target_refused':
      return `Not sent: ${error.message}. TikSavr sends only to public addresses unless the admin allows private ones.`;
    case 'webhook_host_unknown':
      return `Not sent: ${String(detail.host ?? 'the host')} doesn't resolve to any address.`;
    case 'webhook_url_invalid':
      return `Not sent: ${error.userMessage}`;
    case 'notify_unreachable':
      return `Couldn't deliver: ${String(detail.why ?? 'the connection failed')}.`;
    case 'notify_redirect_refused':
      return `Not followed: the address answered ${String(detail.status ?? 'a redirect')} with a redirect to ${String(detail.location ?? 'elsewhere')}. Put the new address in Settings.`;
    case 'notify_receiver_error':
    case 'notify_rejected': {
      const status = Number(detail.status);
      const meaning =
        status === 429
          ? 'too many requests'
          : status >= 500
            ? 'a server error'
            : status === 404
              ? 'no such address on that server'
              : status === 401 || status === 403
                ? 'not allowed'
                : 'refused';
      return `The receiver answered ${status} (${meaning}).`;
    }
    default:
      return error.userMessage;
  }
}

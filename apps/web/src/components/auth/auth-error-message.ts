/** What better-auth's client returns when a request fails. */
export type AuthClientError = { status?: number; code?: string; message?: string } | null | undefined;

export const PASSWORD_MIN_LENGTH = 10;

/** The sentence a person sees for a failed sign-in or sign-up, from better-auth's status and code. */
export function authErrorMessage(error: AuthClientError, action: 'sign-in' | 'sign-up'): string {
  const code = error?.code ?? '';
  if (error?.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  if (code.startsWith('USER_ALREADY_EXISTS'))
    return 'An account with this email already exists. Sign in instead, or use another email.';
  if (code === 'INVALID_EMAIL_OR_PASSWORD' || code === 'INVALID_PASSWORD')
    return 'That email and password do not match an account. Check both and try again.';
  if (code === 'INVALID_EMAIL') return 'That does not look like an email address.';
  if (code === 'PASSWORD_TOO_SHORT')
    return `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`;
  if (code === 'PASSWORD_TOO_LONG') return 'That password is too long. Use at most 128 characters.';
  if (code === 'BANNED_USER') return 'This account has been blocked by the admin of this TikSavr server.';
  if (error?.status === 403 && action === 'sign-up')
    return error.message || 'Sign-up is closed on this TikSavr server. Ask its admin for an account.';
  if (error?.status !== undefined && error.status >= 500)
    return 'Something went wrong on our side. Try again in a moment.';
  return error?.message || 'That did not work. Try again.';
}

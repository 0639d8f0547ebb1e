import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiDocsView, type OpenApiDoc } from '../../components/docs/api-docs-view.tsx';
import { DocsHeader } from '../../components/docs/docs-header.tsx';
import { currentUser } from '../../lib/server-session.ts';
import { apiPublicUrl } from '../../server/api/api-deps.ts';
import { openApiDocument } from '../../server/api/openapi-document.ts';

export const metadata: Metadata = { title: 'API — TikSavr' };

/** The HTTP API's reference, rendered from the same document /api/v1/openapi.json serves. */
export default async function ApiDocsPage() {
  const user = await currentUser();
  const doc = openApiDocument({ publicUrl: apiPublicUrl() }) as unknown as OpenApiDoc;
  return (
    <>
      <DocsHeader user={user} />
      <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6 leading-relaxed">
        <div className="flex flex-col gap-2">
          <h1 className="text-3xl font-bold tracking-tight">TikSavr API</h1>
          <p className="text-gray-700">
            Make a token under{' '}
            <Link href="/settings/tokens" className="underline underline-offset-2">
              Settings → API tokens
            </Link>
            ; to save from an iPhone’s Share menu, follow{' '}
            <Link href="/help/shortcuts" className="underline underline-offset-2">
              the Shortcut guide
            </Link>
            .
          </p>
        </div>
        <ApiDocsView doc={doc} />
      </main>
    </>
  );
}

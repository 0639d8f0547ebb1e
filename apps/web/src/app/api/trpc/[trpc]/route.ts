import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createContext } from '../../../../server/context.ts';
import { log } from '../../../../server/logger.ts';
import { appRouter } from '../../../../server/routers/app.ts';

export const dynamic = 'force-dynamic';

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createContext(request),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log().error({ err: error, path }, 'tRPC procedure failed');
    },
  });
}

export { handler as GET, handler as POST };

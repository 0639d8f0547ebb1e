import { addWatch } from '../../routers/watches/add.handler.ts';
import { defineEndpoint } from '../api-endpoint.ts';
import { WatchRequestSchema, WatchResponseSchema } from '../api-schemas.ts';

export const createWatchEndpoint = defineEndpoint({
  operationId: 'watchCreator',
  method: 'POST',
  path: '/watches',
  tag: 'Watches',
  summary: 'Watch a creator',
  description:
    'TikSavr checks the creator regularly and saves their new stories (and, if you turn it on in the Watchlist, new posts) into your history. The first check starts at once.',
  body: WatchRequestSchema,
  success: { kind: 'json', status: 200, description: 'The watch.', schema: WatchResponseSchema },
  errors: ['invalid_creator', 'too_many_watches'],
  run: (ctx, { body }) => addWatch(ctx, body),
});

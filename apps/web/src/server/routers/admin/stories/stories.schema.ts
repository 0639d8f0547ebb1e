import { z } from 'zod';

export const AtRiskInputSchema = z.object({ limit: z.number().int().min(1).max(500).default(100) });
export type AtRiskInput = z.infer<typeof AtRiskInputSchema>;

import { z } from 'zod';

export const SignupSettingSchema = z.object({ open: z.boolean() });
export type SignupSetting = z.infer<typeof SignupSettingSchema>;

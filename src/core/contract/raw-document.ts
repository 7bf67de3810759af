// The raw document a processor receives, as a schema for library users who check their input with it. Apart from
// document.ts (which prepares documents and needs only the type), so commands that handle documents without
// validating them (the CLI's help, the queue's job ids) do not load zod.
import { z } from 'zod';

export const RawDocument = z.object({
  id: z.string().min(1).optional(),
  text: z.string(),
  title: z.string().optional(),
  uri: z.string().optional(),
  publishedAt: z.string().optional(),
});
export type RawDocument = z.infer<typeof RawDocument>;

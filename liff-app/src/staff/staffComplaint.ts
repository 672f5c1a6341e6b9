import type { ComplaintView, Status } from '../lib/complaints.ts';

/** What staff see of a complaint. The reporter appears only when the API includes it (never for general staff on corruption). */
export interface StaffComplaint extends ComplaintView {
  id: string;
  photos?: Array<{ n?: number; url?: string }>;
  reporter?: {
    /** A corruption case: who reported is not in the details; an integrity officer asks for it (logged). */
    concealed?: boolean;
    anonymous?: boolean;
    viaLine?: boolean;
    name?: string | null;
    lineName?: string | null;
    phone?: string | null;
    email?: string | null;
    contactPreference?: string;
  } | null;
  contactPreference?: string;
  allowedTransitions?: Status[];
  rating?: { scores: Record<string, number>; comment: string | null; createdAt: string } | null;
}

export type Revealed = NonNullable<StaffComplaint['reporter']>;

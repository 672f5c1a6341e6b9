/**
 * What the LIFF pages know of complaints, in one import: the names, types and small rules (complaintNames.ts, read from
 * the server's contract) and the components that show a complaint (complaintParts.tsx).
 */
export * from './complaintNames.ts';
export { CodeDisplay, DueLine, StatusBadge, Timeline } from './complaintParts.tsx';

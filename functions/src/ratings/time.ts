/** Moved to ../time/bangkok.ts (the one module for Bangkok time); kept only until chat/responders.ts imports it from there. */
export { formatThaiDate } from '../time/bangkok.ts';

/** Kept for the callers not yet moved: Thai digits live in ./numbers.ts (the one module for that rule). */
export { thaiDigitsToArabic } from './numbers.ts';

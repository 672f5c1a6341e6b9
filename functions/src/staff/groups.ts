/** Moved to ./groupsStore.ts (only stores touch Firestore); kept for queue/ and complaints/ until their owners switch. */
export { isStaffGroup, listStaffGroupIds, markStaffGroup } from './groupsStore.ts';

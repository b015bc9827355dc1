export { AccessChanges, type ChatMembershipRule } from './changes.js';

import type { Reply } from '../../lambda/guide/reduce';

/**
 * All that rendering a reply's speech reads: what is said, what is asked and
 * the pace. Replies with the same key sound the same, so a suite that walks
 * thousands of replies renders each key once.
 */
export const speechKey = (reply: Reply): string => JSON.stringify([reply.say, reply.ask, reply.state.prefs.pace]);

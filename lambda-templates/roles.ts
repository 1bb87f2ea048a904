/** The roles a function plays in a diagram, one handler template each (handlers/<role>.py). */
export const HANDLER_ROLES = ['api', 's3_object', 'stream', 'queue', 'topic', 'event', 'workflow', 'firehose_transform', 'generic'] as const;
export type HandlerRole = (typeof HANDLER_ROLES)[number];

export function stopAll(timeoutMs?: number): Promise<void>;

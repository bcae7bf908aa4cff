import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { StaleRevisionError, requireUserId, revisionOf } from './document';

/**
 * Progress in this process's memory, with the same revision rule as the
 * other stores (revision N only over N-1): for the test suite and for trying
 * the skill without a disk. Everything is gone when the process ends.
 * Documents are copied in and out, as a real store serialises them.
 */
export class MemoryStore implements PersistenceAdapter {
  private readonly documents = new Map<string, string>();

  getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const text = this.documents.get(requireUserId(envelope));
    return Promise.resolve(text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>));
  }

  saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    const user = requireUserId(envelope);
    const text = this.documents.get(user);
    const stored = text === undefined ? 0 : revisionOf(JSON.parse(text));
    const revision = revisionOf(attributes);
    if (revision === 0 || stored !== revision - 1) return Promise.reject(new StaleRevisionError(stored));
    this.documents.set(user, JSON.stringify(attributes));
    return Promise.resolve();
  }

  deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    this.documents.delete(requireUserId(envelope));
    return Promise.resolve();
  }
}

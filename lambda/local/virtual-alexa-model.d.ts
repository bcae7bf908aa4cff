// virtual-alexa's parsed interaction model, which it does not declare: conversation.ts builds it
// once per model file and lets every conversation on that file share it.
declare module 'virtual-alexa/lib/src/model/InteractionModel' {
  import type { IModel } from 'virtual-core';
  export const InteractionModel: { fromJSON(json: unknown): IModel };
}

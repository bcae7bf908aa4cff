import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import * as Alexa from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { localisation, welcome } from './localised';

/**
 * The DynamoDB peer: the localised peer (bench/baseline/i18next.ts) keeping
 * its state in DynamoDB through @aws-sdk/client-dynamodb v3, loaded from the
 * runtime as Lambda provides it (external, like ours used to be): the item is
 * read when a request comes in and written before the answer goes out.
 * DYNAMODB_ENDPOINT points it at a local server, as it does ours.
 */
const client = new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT || undefined });
const table = process.env.DYNAMODB_TABLE;

const load: Alexa.RequestInterceptor = {
  async process(handlerInput) {
    const id = Alexa.getUserId(handlerInput.requestEnvelope);
    const { Item } = await client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }));
    const saved = Item && 'state' in Item ? Item.state.S : undefined;
    handlerInput.attributesManager.setSessionAttributes(saved ? (JSON.parse(saved) as Record<string, unknown>) : {});
  },
};

const save: Alexa.ResponseInterceptor = {
  async process(handlerInput) {
    const id = Alexa.getUserId(handlerInput.requestEnvelope);
    const state = { ...handlerInput.attributesManager.getSessionAttributes(), seen: Date.now() };
    await client.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, state: { S: JSON.stringify(state) } } }));
  },
};

const skill = Alexa.SkillBuilders.custom().addRequestHandlers(welcome).addRequestInterceptors(localisation, load).addResponseInterceptors(save).create();

export const handler = (event: RequestEnvelope): Promise<ResponseEnvelope> => skill.invoke(event);

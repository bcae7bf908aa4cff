// virtual-alexa loads aws-sdk (v2) and nock for its DynamoDB, address and user-API mocks, which
// neither `npm start` nor any test uses: their conversations talk to our handler, and our stores are
// tested against dynalite. Loading the two costs a third of `npm start`'s start-up and a tenth of a
// second in every test file that holds a conversation, so the simulator's bundle and jest hand
// virtual-alexa this instead; anything that touches it fails loudly rather than mocking nothing.
module.exports = new Proxy(
  {},
  {
    get(_target, property) {
      if (typeof property === 'symbol' || property === '__esModule' || property === 'then') return undefined;
      // Every VirtualAlexa clears nock's interceptors when it is built; with nothing mocked there is nothing to clear.
      if (property === 'cleanAll') return () => undefined;
      throw new Error(`virtual-alexa's ${String(property)} (aws-sdk or nock) is stubbed for the tests: its service mocks are not used`);
    },
  },
);

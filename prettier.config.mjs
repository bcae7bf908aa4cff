// One layout for every file: long lines are allowed (spoken sentences and test tables read
// better whole), up to 160 characters.
//
// TypeScript is parsed by Babel's TypeScript parser rather than the default `typescript` one:
// when switched, every .ts file here came out byte for byte the same, and the check in
// `npm run lint` costs about a fifth less CPU (the `typescript` parser is a second bundled copy
// of the compiler's parser).
export default {
  printWidth: 160,
  singleQuote: true,
  trailingComma: 'all',
  overrides: [{ files: ['*.ts', '*.mts', '*.cts'], options: { parser: 'babel-ts' } }],
};

// One layout for every file: long lines are allowed (spoken sentences and test tables read
// better whole), up to 160 characters.
export default { printWidth: 160, singleQuote: true, trailingComma: 'all' };

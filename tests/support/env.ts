// virtual-alexa loads aws-sdk v2, which prints an end-of-support notice; the tests never call AWS.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// The exported handler keeps progress in memory, with the same revision rule as the real stores:
// the handler and fuzz suites test the skill, not the disk (tests/storage does that, on a real one).
process.env.STORAGE = 'memory';

// virtual-alexa loads aws-sdk v2, which prints an end-of-support notice; the tests never call AWS.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

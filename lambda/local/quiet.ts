// virtual-alexa loads the end-of-life aws-sdk v2, which prints a notice on
// load; the simulator never calls AWS, so the notice is only noise. This
// module is imported first so the variable is set before that load.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

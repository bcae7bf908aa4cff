// The exported handler keeps progress in memory, with the same revision rule as the real stores:
// the handler and fuzz suites test the skill, not the disk (tests/storage does that, on a real one).
process.env.STORAGE = 'memory';

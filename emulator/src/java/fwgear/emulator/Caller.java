package fwgear.emulator;

/** The authenticated user of a request. */
record Caller(String userId, boolean siteAdmin) {}

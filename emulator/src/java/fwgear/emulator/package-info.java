/** A local Flywheel server speaking the REST API subset our gears use, and the SSM protocol. */
package fwgear.emulator;

/**
 * The MBIM side of the emulator: an MBIM 1.0 function on the emulated port, serving Basic Connect and Microsoft's
 * Basic Connect Extensions over the one neutral {@link org.wwan4j.emulator.model.ModemState}.
 *
 * <ul>
 *   <li>{@code codec}: frames, the byte-stream decoder that resynchronises after junk, fragmentation and
 *       reassembly, information buffers (offset/size pairs, UTF-16LE strings padded to 4 bytes, UUIDs).</li>
 *   <li>{@code channel}: the control channel state machine (OPEN/CLOSE, COMMAND dispatch, FUNCTION_ERROR) and the
 *       CID handler contract.</li>
 *   <li>{@code basicconnect}, {@code msbasicconnect}: one class per CID, mapping the neutral state to MBIM.</li>
 *   <li>{@link org.wwan4j.emulator.mbim.MbimEngine}: wires them to the core and turns state changes into
 *       indications; found by the core through {@link org.wwan4j.emulator.mbim.MbimEngineFactory}.</li>
 * </ul>
 */
package org.wwan4j.emulator.mbim;

package org.wwan4j.emulator.qmi;

/** A request the service cannot honour; the engine answers it with {@link #error()} in the result TLV. */
public final class QmiRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int error;
    private final byte[] extraTlvs;

    public QmiRequestException(int error, String message) {
        this(error, message, new byte[0]);
    }

    /** An error answer that still carries TLVs (e.g. a call end reason with CallFailed). */
    public QmiRequestException(int error, String message, byte[] extraTlvs) {
        super(message, null, false, false);
        this.error = error;
        this.extraTlvs = extraTlvs;
    }

    public byte[] extraTlvs() {
        return extraTlvs;
    }

    public int error() {
        return error;
    }
}

package org.wwan4j.emulator.mbim.qmi;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.function.Consumer;
import org.wwan4j.emulator.EmulatedProtocol;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.FrameSink;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.engine.ProtocolEngines;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimReply;
import org.wwan4j.emulator.mbim.codec.MbimCommand;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;

/**
 * QMI over MBIM, as Qualcomm MBIM modems carry it: a SET of the "qmi" service's CID 1 holds one QMUX message, the
 * COMMAND_DONE holds the QMUX answer, and QMI indications come as INDICATE_STATUS of the same CID. Behind it is the
 * emulator's own QMI engine over the same modem state, so a host sees one modem whichever protocol it asks.
 *
 * <p>The QMI engine answers inside {@code receive}, on the thread that fed it: those answers are collected into the
 * COMMAND_DONE. Anything it sends at another time (indications, a late answer) goes out as an MBIM indication.
 */
public final class QmiOverMbim implements MbimCidHandler, AutoCloseable {
    /** MBIM_CID_QMI_MSG. */
    public static final int MSG = 1;

    private final ProtocolEngine qmi;
    private final Consumer<byte[]> indications;
    /** The thread whose command is being answered, and what the QMI engine answered on it so far. */
    private Thread answering;
    private ByteArrayOutputStream answer;

    /** @param indications sends an information buffer as INDICATE_STATUS of (qmi, MSG) to the host */
    public QmiOverMbim(EngineContext context, Consumer<byte[]> indications) {
        this.indications = indications;
        this.qmi = ProtocolEngines.forProtocol(EmulatedProtocol.QMI).create(context.withSink(new FrameSink() {
            @Override
            public void sendResponse(byte[] frame) {
                collectOrIndicate(frame);
            }

            @Override
            public void sendIndication(byte[] frame) {
                indications.accept(frame);
            }
        }));
    }

    @Override
    public UUID service() {
        return MbimServiceIds.QMI;
    }

    @Override
    public int cid() {
        return MSG;
    }

    /**
     * One QMUX request in, its answer out. Bad QMUX is the QMI engine's business (it answers MalformedMessage or
     * skips noise); an empty answer is still a successful COMMAND_DONE, as the MBIM command itself was fine.
     */
    @Override
    public MbimReply set(MbimCommand command) {
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        synchronized (this) {
            answering = Thread.currentThread();
            answer = collected;
        }
        try {
            byte[] request = command.informationBuffer();
            qmi.receive(request, request.length);
        } finally {
            // Each command carries whole messages: a truncated one must not join the next command's bytes.
            qmi.clientGone();
            synchronized (this) {
                answering = null;
                answer = null;
            }
        }
        return MbimReply.ok(collected.toByteArray());
    }

    private void collectOrIndicate(byte[] frame) {
        synchronized (this) {
            if (answering == Thread.currentThread()) {
                answer.writeBytes(frame);
                return;
            }
        }
        indications.accept(frame);
    }

    public void reboot() {
        qmi.reboot();
    }

    @Override
    public void close() {
        qmi.close();
    }
}

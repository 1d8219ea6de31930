package org.wwan4j.emulator.mbim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wwan4j.emulator.FirmwareProfile;
import org.wwan4j.emulator.engine.EngineContext;
import org.wwan4j.emulator.engine.ProtocolEngine;
import org.wwan4j.emulator.fault.Fault;
import org.wwan4j.emulator.mbim.basicconnect.BasicConnectCid;
import org.wwan4j.emulator.mbim.basicconnect.Connect;
import org.wwan4j.emulator.mbim.basicconnect.DeviceServiceSubscribeList;
import org.wwan4j.emulator.mbim.basicconnect.DeviceServices;
import org.wwan4j.emulator.mbim.basicconnect.DeviceCaps;
import org.wwan4j.emulator.mbim.basicconnect.HomeProvider;
import org.wwan4j.emulator.mbim.basicconnect.ProvisionedContexts;
import org.wwan4j.emulator.mbim.basicconnect.IpConfiguration;
import org.wwan4j.emulator.mbim.basicconnect.PacketAttachment;
import org.wwan4j.emulator.mbim.basicconnect.PacketService;
import org.wwan4j.emulator.mbim.basicconnect.PacketStatistics;
import org.wwan4j.emulator.mbim.basicconnect.Pin;
import org.wwan4j.emulator.mbim.basicconnect.PreferredProviders;
import org.wwan4j.emulator.mbim.quectel.QuectelRadioState;
import org.wwan4j.emulator.mbim.basicconnect.RadioState;
import org.wwan4j.emulator.mbim.basicconnect.RegisterState;
import org.wwan4j.emulator.mbim.basicconnect.SignalState;
import org.wwan4j.emulator.mbim.basicconnect.SubscriberReadyStatus;
import org.wwan4j.emulator.mbim.basicconnect.VisibleProviders;
import org.wwan4j.emulator.mbim.channel.MbimCidHandler;
import org.wwan4j.emulator.mbim.channel.MbimCidTable;
import org.wwan4j.emulator.mbim.channel.MbimControlChannel;
import org.wwan4j.emulator.mbim.channel.MbimNotificationSource;
import org.wwan4j.emulator.mbim.channel.MbimOutput;
import org.wwan4j.emulator.mbim.channel.MbimSession;
import org.wwan4j.emulator.mbim.codec.MbimServiceIds;
import org.wwan4j.emulator.mbim.msbasicconnect.BaseStationsInfo;
import org.wwan4j.emulator.mbim.msbasicconnect.DeviceSlotMappings;
import org.wwan4j.emulator.mbim.msbasicconnect.LteAttachConfiguration;
import org.wwan4j.emulator.mbim.msbasicconnect.LteAttachInfo;
import org.wwan4j.emulator.mbim.msbasicconnect.ProvisionedContextsV2;
import org.wwan4j.emulator.mbim.msbasicconnect.MsBasicConnectExtensionsCid;
import org.wwan4j.emulator.mbim.msbasicconnect.SlotInfoStatus;
import org.wwan4j.emulator.mbim.msbasicconnect.SysCaps;
import org.wwan4j.emulator.mbim.msbasicconnect.Version;
import org.wwan4j.emulator.mbim.qmi.QmiOverMbim;
import org.wwan4j.emulator.model.ModemState;
import org.wwan4j.emulator.model.SimSlot;
import org.wwan4j.emulator.model.StateAspect;
import org.wwan4j.emulator.model.StateListener;

/**
 * The MBIM side of an emulated port: a control channel serving Basic Connect and MS Basic Connect Extensions
 * over the shared modem state, and the indications that state changes cause; with {@code qmiOverMbim} also the
 * Qualcomm "qmi" service ({@link QmiOverMbim}), listed in Device Services like every other served CID.
 */
public final class MbimEngine implements ProtocolEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MbimEngine.class);
    /** How often a silent, half-received fragmented COMMAND is checked for its timeout. */
    private static final long FRAGMENT_CHECK_MILLIS = 250;

    private final ModemState state;
    private final PacketAttachment attachment;
    private final MbimControlChannel channel;
    private final SubscriberReadyStatus subscriberReadyStatus;
    private final RadioState radioState;
    private final RegisterState registerState;
    private final LteAttachConfiguration lteAttachConfiguration;
    private final LteAttachInfo lteAttachInfo;
    private final PacketService packetService;
    private final SignalState signalState;
    private final Connect connect;
    private final StateListener listener = this::stateChanged;
    private final ScheduledFuture<?> fragmentCheck;
    /** Null unless the modem carries QMI over MBIM. */
    private final QmiOverMbim qmiOverMbim;
    /** Set once the channel exists: QMI indications sent before that have nobody to go to. */
    private volatile MbimControlChannel indicationChannel;

    public MbimEngine(EngineContext context) {
        this.state = context.state();
        this.attachment = new PacketAttachment(state);
        this.subscriberReadyStatus = new SubscriberReadyStatus(state);
        this.radioState = new RadioState(state);
        MbimSession session = new MbimSession();
        this.registerState = new RegisterState(state, session);
        this.packetService = new PacketService(state, attachment, session, this::packetServiceChanged);
        this.signalState = new SignalState(state, session);
        this.connect = new Connect(state, attachment, context.statistics());
        this.lteAttachConfiguration = new LteAttachConfiguration(state);
        this.lteAttachInfo = new LteAttachInfo(state);
        List<MbimCidHandler> handlers = new ArrayList<>(List.of(
                // Basic Connect
                new DeviceCaps(state), subscriberReadyStatus, radioState, new Pin(state), new HomeProvider(state),
                new PreferredProviders(state), new VisibleProviders(state), registerState, packetService, signalState, connect,
                new IpConfiguration(state), new DeviceServiceSubscribeList(session.subscriptions()),
                new PacketStatistics(state), new ProvisionedContexts(state),
                // MS Basic Connect Extensions
                new SysCaps(state), new DeviceSlotMappings(state), new SlotInfoStatus(state),
                new BaseStationsInfo(state), new Version(session), lteAttachConfiguration, lteAttachInfo,
                // Quectel
                new QuectelRadioState(state)));
        if (context.profile() != FirmwareProfile.LEGACY) {
            // Older MBIM firmware lists its contexts through Basic Connect only.
            handlers.add(new ProvisionedContextsV2(state));
        }
        this.qmiOverMbim = context.qmiOverMbim() ? new QmiOverMbim(context, this::qmiIndication) : null;
        if (qmiOverMbim != null) {
            handlers.add(qmiOverMbim);
        }
        handlers.add(new DeviceServices(servedCids(handlers)));
        MbimCidTable table = new MbimCidTable(handlers,
                (service, cid) -> context.statistics().requestSeen(serviceName(service), cid));
        MbimOutput output = new MbimOutput() {
            @Override
            public void response(byte[] transfer) {
                context.sink().sendResponse(transfer);
            }

            @Override
            public void indication(byte[] transfer) {
                context.sink().sendIndication(transfer);
            }
        };
        this.channel = new MbimControlChannel(table, session, output, System::nanoTime,
                () -> context.faults().isActive(Fault.UNKNOWN_TLVS), MbimControlChannel.DEFAULT_MAX_CONTROL_TRANSFER);
        this.indicationChannel = channel;
        state.addListener(listener);
        this.fragmentCheck = context.scheduler().scheduleWithFixedDelay(this::checkFragments,
                FRAGMENT_CHECK_MILLIS, FRAGMENT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** What Device Services reports: every (service, CID) in the table, Device Services included. */
    private static Map<UUID, List<Integer>> servedCids(List<MbimCidHandler> handlers) {
        Map<UUID, List<Integer>> cidsByService = new HashMap<>();
        cidsByService.computeIfAbsent(MbimServiceIds.BASIC_CONNECT, s -> new ArrayList<>())
                .add(BasicConnectCid.DEVICE_SERVICES);
        for (MbimCidHandler handler : handlers) {
            cidsByService.computeIfAbsent(handler.service(), s -> new ArrayList<>()).add(handler.cid());
        }
        return cidsByService;
    }

    /** The names statistics use for the MBIM services. */
    public static String serviceName(UUID service) {
        if (MbimServiceIds.BASIC_CONNECT.equals(service)) {
            return "mbim-basic-connect";
        }
        if (MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS.equals(service)) {
            return "mbim-ms-basic-connect-extensions";
        }
        if (MbimServiceIds.QUECTEL.equals(service)) {
            return "mbim-quectel";
        }
        if (MbimServiceIds.QMI.equals(service)) {
            return "mbim-qmi";
        }
        return "mbim-" + service;
    }

    @Override
    public void receive(byte[] data, int length) {
        channel.receive(data, length);
    }

    @Override
    public void clientGone() {
        channel.clientGone();
    }

    @Override
    public void reboot() {
        attachment.setDetachedByHost(false);
        channel.reboot();
        if (qmiOverMbim != null) {
            qmiOverMbim.reboot();
        }
    }

    @Override
    public void close() {
        state.removeListener(listener);
        fragmentCheck.cancel(false);
        if (qmiOverMbim != null) {
            qmiOverMbim.close();
        }
    }

    private void qmiIndication(byte[] qmux) {
        MbimControlChannel target = indicationChannel;
        if (target != null) {
            target.indicate(MbimServiceIds.QMI, QmiOverMbim.MSG, qmux);
        }
    }

    private void checkFragments() {
        try {
            channel.tick();
        } catch (RuntimeException e) {
            LOG.warn("fragment check failed", e);
        }
    }

    /** Maps a change of the neutral state to the MBIM notifications a host subscribed to by default would get. */
    private void stateChanged(StateAspect aspect) {
        switch (aspect) {
            case POWER -> {
                notify(radioState);
                notify(signalState);
            }
            case SIMS -> {
                notify(subscriberReadyStatus);
                for (SimSlot slot : state.simSlots()) {
                    channel.indicate(MbimServiceIds.MS_BASIC_CONNECT_EXTENSIONS,
                            MsBasicConnectExtensionsCid.SLOT_INFO_STATUS, SlotInfoStatus.status(slot));
                }
            }
            case REGISTRATION -> {
                notify(registerState);
                notify(packetService);
                notify(lteAttachInfo);
            }
            case ATTACH -> {
                notify(lteAttachConfiguration);
                notify(lteAttachInfo);
            }
            case SIGNAL -> notify(signalState);
            case BEARER -> notify(connect);
            case REBOOT -> attachment.setDetachedByHost(false);
            default -> {
            }
        }
    }

    private void packetServiceChanged() {
        notify(packetService);
    }

    private void notify(MbimNotificationSource source) {
        channel.indicate(source.service(), source.cid(), source.currentState());
    }
}

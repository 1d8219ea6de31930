package org.wwan4j.generator.api.mbim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.Namespace;

/**
 * Sorts libmbim's message builders and parsers into services and CIDs.
 *
 * <p>libmbim names them {@code mbim_message_<prefix><cid>_<query_new|set_new|response_parse|notification_parse>};
 * the service is named only in the documentation ("... in the 'Ms Basic Connect Extensions V3' service"), so that is
 * where it is read from. A trailing " V2"/" V3" is the MBIMEx version of the same service ("Ms Basic Connect V3" is
 * Basic Connect itself). The CID must be a member of the service's {@code MbimCid<Service>} enum; anything that
 * does not resolve is reported, never guessed.
 */
final class MbimMessageCatalog {

    private static final Pattern NAME = Pattern.compile(
            "mbim_message_(\\w+?)_(query_new|set_new|response_parse|notification_parse)");
    private static final Pattern SERVICE_DOC = Pattern.compile("in the '([^']+)' service");
    private static final Pattern VERSION = Pattern.compile("_v(\\d+)$");

    /** One CID of one service in one MBIMEx version, with whatever builders and parsers libmbim has for it. */
    static final class Command {
        final String service;
        final String cid;
        final long cidValue;
        final String version;
        final String stem;
        Callable query;
        Callable set;
        Callable response;
        Callable notification;
        /** True when the builders are the unversioned CID's: MBIMEx changed only the answer's format. */
        boolean borrowedBuilders;

        Command(String service, String cid, long cidValue, String version, String stem) {
            this.service = service;
            this.cid = cid;
            this.cidValue = cidValue;
            this.version = version;
            this.stem = stem;
        }

        /** {@code RegisterState}, {@code ConnectV3}: the base of this command's Java names. */
        String javaStem() {
            return MbimNames.upperCamel(cid) + version;
        }
    }

    /** One service enum member ({@code basic_connect}) with its value and commands, in GIR order. */
    record Service(String name, long value, String docName, List<Command> commands) {
        String className() {
            return MbimNames.upperCamel(name);
        }
    }

    private final Map<String, Service> services = new TreeMap<>();
    private final List<String> unresolved = new ArrayList<>();

    MbimMessageCatalog(Namespace namespace) {
        Map<String, Long> serviceValues = new LinkedHashMap<>();
        Map<String, EnumType> enums = new LinkedHashMap<>();
        for (EnumType e : namespace.enums()) {
            enums.put(e.name(), e);
        }
        EnumType serviceEnum = enums.get("Service");
        if (serviceEnum != null) {
            for (EnumMember m : serviceEnum.members()) {
                serviceValues.put(m.name(), m.value());
            }
        }
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Callable c : namespace.allCallables().toList()) {
            Matcher name = NAME.matcher(c.cIdentifier());
            if (!name.matches()) {
                continue;
            }
            Matcher doc = SERVICE_DOC.matcher(c.doc());
            if (!doc.find()) {
                unresolved.add(c.cIdentifier() + ": no service named in its documentation");
                continue;
            }
            String docService = doc.group(1).toLowerCase(Locale.ROOT).replace(' ', '_');
            String version = "";
            String base = docService;
            Matcher v = VERSION.matcher(docService);
            if (v.find()) {
                version = "V" + v.group(1);
                base = docService.substring(0, v.start());
            }
            if (base.equals("ms_basic_connect")) {
                base = "basic_connect"; // MBIMEx v2/v3 of Basic Connect: same service UUID, newer formats
            }
            String stem = name.group(1);
            String cid = stem;
            if (cid.startsWith(docService + "_")) {
                cid = cid.substring(docService.length() + 1);
            } else if (cid.startsWith(base + "_")) {
                cid = cid.substring(base.length() + 1);
            }
            Long serviceValue = serviceValues.get(base);
            EnumType cidEnum = enums.get("Cid" + MbimNames.upperCamel(base));
            Long cidValue = cidEnum == null ? null : memberValue(cidEnum, cid);
            if (serviceValue == null || cidValue == null) {
                unresolved.add(c.cIdentifier() + ": service '" + base + "' CID '" + cid + "' not in the enums");
                continue;
            }
            String finalBase = base;
            Service service = services.computeIfAbsent(base,
                    k -> new Service(finalBase, serviceValue, doc.group(1), new ArrayList<>()));
            String key = base + "/" + cid + "/" + version;
            String finalCid = cid;
            String finalVersion = version;
            Command command = commands.computeIfAbsent(key, k -> {
                Command created = new Command(finalBase, finalCid, cidValue, finalVersion, stem);
                service.commands().add(created);
                return created;
            });
            switch (name.group(2)) {
                case "query_new" -> command.query = c;
                case "set_new" -> command.set = c;
                case "response_parse" -> command.response = c;
                default -> command.notification = c;
            }
        }
        borrowBuilders(commands);
    }

    /**
     * MBIMEx v2/v3 often changed only the answer: libmbim then has a versioned parser
     * ({@code ms_basic_connect_v2_signal_state_response_parse}) but no versioned builder, because the request is the
     * unversioned one. Such commands borrow the unversioned builders, so {@code querySignalStateV2()} exists.
     */
    private static void borrowBuilders(Map<String, Command> commands) {
        for (Command command : commands.values()) {
            if (command.version.isEmpty() || command.response == null
                    || command.query != null || command.set != null) {
                continue;
            }
            Command base = commands.get(command.service + "/" + command.cid + "/");
            if (base != null && (base.query != null || base.set != null)) {
                command.query = base.query;
                command.set = base.set;
                command.borrowedBuilders = true;
            }
        }
    }

    private static Long memberValue(EnumType e, String member) {
        for (EnumMember m : e.members()) {
            if (m.name().equals(member)) {
                return m.value();
            }
        }
        return null;
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }

    /** Builders and parsers whose service or CID did not resolve (reported by the generator). */
    List<String> unresolved() {
        return List.copyOf(unresolved);
    }
}

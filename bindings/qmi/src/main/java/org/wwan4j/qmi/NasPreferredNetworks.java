package org.wwan4j.qmi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.wwan4j.glib.ffi.glib_h;
import org.wwan4j.qmi.ffi.QmiMessageNasSetPreferredNetworksInputMncPcsDigitIncludeStatusElement;
import org.wwan4j.qmi.ffi.QmiMessageNasSetPreferredNetworksInputPreferredNetworksElement;
import org.wwan4j.qmi.ffi.libqmi_glib_h;

/**
 * The two list TLVs of NAS Set Preferred Networks, which the generator does not emit yet (it skips list inputs).
 * Hand-written for this one request only.
 *
 * <p>Ownership: libqmi's {@code _gir} setters copy every element into their own GArray before returning (they
 * neither keep nor ref the GPtrArray), so the element structs live in the builder's confined arena, which is
 * closed only after all setters ran, and the GPtrArray (created without a free func) is unreffed right after
 * its setter call.
 */
public final class NasPreferredNetworks {

    /**
     * One preferred network.
     *
     * @param mcc          mobile country code (0..999)
     * @param mnc          mobile network code (0..999)
     * @param pcsDigit     the MNC has three digits (so "010" is not "10")
     * @param technologies the access technologies it is preferred on
     */
    public record Network(int mcc, int mnc, boolean pcsDigit, Set<NasPlmnAccessTechnologyIdentifier> technologies) {
        public Network {
            if (mcc < 0 || mcc > 999 || mnc < 0 || mnc > 999) {
                throw new IllegalArgumentException("MCC and MNC are 0..999");
            }
            technologies = Set.copyOf(Objects.requireNonNull(technologies, "technologies"));
        }
    }

    private NasPreferredNetworks() {
    }

    /** Adds the preferred-networks TLV and the MNC PCS-digit TLV (which keeps 3-digit MNCs) to the input. */
    public static ClientNas.SetPreferredNetworksInput networks(ClientNas.SetPreferredNetworksInput input,
            List<Network> networks) {
        List<Network> copy = List.copyOf(networks);
        input.add((self, arena, error) -> withPtrArray(copy, arena,
                QmiMessageNasSetPreferredNetworksInputPreferredNetworksElement.layout().byteSize(),
                (n, s) -> {
                    QmiMessageNasSetPreferredNetworksInputPreferredNetworksElement.mcc(s, (short) n.mcc());
                    QmiMessageNasSetPreferredNetworksInputPreferredNetworksElement.mnc(s, (short) n.mnc());
                    QmiMessageNasSetPreferredNetworksInputPreferredNetworksElement.radio_access_technology(s,
                            (int) NasPlmnAccessTechnologyIdentifier.toValue(n.technologies()));
                },
                array -> libqmi_glib_h.qmi_message_nas_set_preferred_networks_input_set_preferred_networks_gir(
                        self, array, error)));
        input.add((self, arena, error) -> withPtrArray(copy, arena,
                QmiMessageNasSetPreferredNetworksInputMncPcsDigitIncludeStatusElement.layout().byteSize(),
                (n, s) -> {
                    QmiMessageNasSetPreferredNetworksInputMncPcsDigitIncludeStatusElement.mcc(s, (short) n.mcc());
                    QmiMessageNasSetPreferredNetworksInputMncPcsDigitIncludeStatusElement.mnc(s, (short) n.mnc());
                    QmiMessageNasSetPreferredNetworksInputMncPcsDigitIncludeStatusElement.includes_pcs_digit(s,
                            n.pcsDigit() ? 1 : 0);
                },
                array -> libqmi_glib_h.qmi_message_nas_set_preferred_networks_input_set_mnc_pcs_digit_include_status_gir(
                        self, array, error)));
        return input;
    }

    private interface Fill {
        void fill(Network network, MemorySegment struct);
    }

    private interface Call {
        int call(MemorySegment ptrArray);
    }

    /** Builds a GPtrArray of arena-allocated structs, hands it to the setter, and unrefs it exactly once. */
    private static int withPtrArray(List<Network> networks, Arena arena, long structSize, Fill fill, Call call) {
        MemorySegment array = glib_h.g_ptr_array_new();
        try {
            for (Network n : networks) {
                MemorySegment s = arena.allocate(structSize, 8);
                fill.fill(n, s);
                glib_h.g_ptr_array_add(array, s);
            }
            return call.call(array);
        } finally {
            glib_h.g_ptr_array_unref(array);
        }
    }
}

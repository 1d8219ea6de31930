package org.wwan4j.generator.select;

import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.Constant;
import org.wwan4j.generator.model.EnumMember;
import org.wwan4j.generator.model.EnumType;
import org.wwan4j.generator.model.RecordType;
import org.wwan4j.generator.types.StructLayout;

/** One symbol chosen for generation, with the namespace it came from. */
public sealed interface Declaration {

    String namespace();

    /** The C name the include list uses for it. */
    String cName();

    record Function(String namespace, Callable callable) implements Declaration {
        public String cName() {
            return callable.cIdentifier();
        }
    }

    record Struct(String namespace, RecordType record, StructLayout layout) implements Declaration {
        public String cName() {
            return record.cType();
        }
    }

    record EnumConstant(String namespace, EnumType owner, EnumMember member) implements Declaration {
        public String cName() {
            return member.cIdentifier();
        }
    }

    record MacroConstant(String namespace, Constant constant) implements Declaration {
        public String cName() {
            return constant.cName();
        }
    }

    /** An enum or flags typedef: becomes a {@code C_INT}/{@code C_LONG} layout field in the header class. */
    record EnumTypedef(String namespace, EnumType type) implements Declaration {
        public String cName() {
            return type.cType();
        }
    }

    /** A function-pointer typedef: becomes a function-pointer class. */
    record FunctionPointer(String namespace, CallbackType callback) implements Declaration {
        public String cName() {
            return callback.cType();
        }
    }
}

package org.wwan4j.generator.select;

import java.util.ArrayList;
import java.util.List;
import org.wwan4j.generator.model.Callable;
import org.wwan4j.generator.model.CallbackType;
import org.wwan4j.generator.model.Constant;
import org.wwan4j.generator.model.Direction;
import org.wwan4j.generator.model.Parameter;
import org.wwan4j.generator.model.ReturnValue;
import org.wwan4j.generator.types.CType;
import org.wwan4j.generator.types.Lowered;
import org.wwan4j.generator.types.TypeLowering;

/**
 * Decides whether a symbol can be expressed in the ffi layer and, if so, its C signature as scalars.
 * Unsupported symbols carry a reason that ends up in the dump and in error messages.
 */
public final class Support {

    /** A C signature lowered to scalars; {@code parameterNames} and {@code parameters} include a trailing GError**. */
    public record Signature(CType returnType, List<String> parameterNames, List<CType> parameters,
                            List<String> parameterCTypes, String returnCType) { }

    /** Either a signature or the reason there is none. */
    public record Result(Signature signature, String unsupportedReason) {
        public boolean supported() {
            return signature != null;
        }
    }

    private final TypeLowering lowering;

    public Support(TypeLowering lowering) {
        this.lowering = lowering;
    }

    public Result callable(Callable callable, String namespace) {
        return signature(callable.returnValue(), callable.parameters(), callable.throwsError(), namespace);
    }

    public Result callback(CallbackType callback, String namespace) {
        return signature(callback.returnValue(), callback.parameters(), callback.throwsError(), namespace);
    }

    private Result signature(ReturnValue returnValue, List<Parameter> parameters, boolean throwsError, String ns) {
        Lowered ret = lowering.lowerForSignature(returnValue.type(), ns);
        if (!(ret instanceof Lowered.Scalar retScalar)) {
            return new Result(null, "return type " + describe(ret, returnValue.type().cDeclarationType()));
        }
        List<String> names = new ArrayList<>();
        List<CType> types = new ArrayList<>();
        List<String> cTypes = new ArrayList<>();
        for (Parameter p : parameters) {
            // An out or inout parameter is always passed by address, whatever the GIR wrote as its C type.
            Lowered lowered = p.direction() == Direction.IN ? lowering.lowerForSignature(p.type(), ns)
                    : new Lowered.Scalar(CType.POINTER);
            if (!(lowered instanceof Lowered.Scalar s) || s.type() == CType.VOID) {
                return new Result(null, "parameter '" + p.name() + "' " + describe(lowered, p.type().cDeclarationType()));
            }
            names.add(p.name());
            types.add(s.type());
            cTypes.add(p.type().cDeclarationType());
        }
        if (throwsError) {
            names.add("error");
            types.add(CType.POINTER);
            cTypes.add("GError**");
        }
        return new Result(new Signature(retScalar.type(), names, types, cTypes,
                returnValue.type().cDeclarationType()), null);
    }

    /** Whether a GIR constant is a number or a string, the two kinds of macro the ffi layer emits. */
    public String constantProblem(Constant constant, String namespace) {
        if (constant.type() == null) {
            return "constant without a type";
        }
        if ("utf8".equals(constant.type().girName())) {
            return null;
        }
        Lowered lowered = lowering.lowerForSignature(constant.type(), namespace);
        if (lowered instanceof Lowered.Scalar s && s.type() != CType.POINTER && s.type() != CType.VOID) {
            return null;
        }
        return "constant of type " + constant.type().cDeclarationType();
    }

    public CType constantType(Constant constant, String namespace) {
        if ("utf8".equals(constant.type().girName())) {
            return CType.POINTER;
        }
        return ((Lowered.Scalar) lowering.lowerForSignature(constant.type(), namespace)).type();
    }

    private static String describe(Lowered lowered, String cType) {
        return switch (lowered) {
            case Lowered.Unsupported u -> "has " + u.reason();
            case Lowered.StructByValue s -> "passes struct " + s.record().cType() + " by value";
            case Lowered.Scalar s -> "is void";
            default -> "has unsupported type " + cType;
        };
    }
}

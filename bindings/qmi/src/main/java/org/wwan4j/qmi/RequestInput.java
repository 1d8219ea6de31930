package org.wwan4j.qmi;

/**
 * What {@link QmiClient#request} takes a request's input as: every {@link QmiInput} is one. It is an interface only
 * so that linking a generated client loads no input class for requests never made. The bytecode verifier checks each
 * argument against the parameter's type; against a class type ({@code QmiInput}) it must load the argument's class
 * to walk its superclasses, so verifying {@code ClientDms} loaded all 30 of its input classes, while against an
 * interface type every reference passes unchecked until run time.
 */
interface RequestInput {
}

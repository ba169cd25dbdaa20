/**
 * Immutable facts the rules reason over, layered evidence, findings, conclusions.
 *
 * <p>Evidence is inserted by Java before the rules run ({@link SignatureMatch}, {@link Capture},
 * {@link Mention}, {@link Known}, {@link Milestone}). Rules derive findings ({@link Deployment})
 * and conclusions ({@link Support}, {@link RuledOut}, {@link Need}) with {@code insertLogical}.
 */
package dev.spdoctor.facts;

package dev.spdoctor.facts;

/**
 * A finding: the deployment is decided, because the evidence points at this one and not at the other
 * (derived once, in rules/context/deployment.drl, so no cause rule repeats the test).
 *
 * @param value {@code online} or {@code onprem}
 * @param basis why, in words (the basis of the {@link Deployment} it rests on)
 */
public record DecidedDeployment(String value, String basis) {}

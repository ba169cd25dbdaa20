package dev.spdoctor.probe;

/** How a probe ended. A probe that did not run is {@link #NOT_COLLECTED}, never a pass. */
public enum Outcome {
  /** The probe ran and observed something (which may itself be bad news, such as a 1024-bit key). */
  COLLECTED("collected"),
  /** The probe ran and could not finish: the reason says why (a time-out, an unreadable answer). */
  FAILED("failed"),
  /** The probe did not run: the profile lacks what it needs, it needs the network, or an earlier probe failed. */
  NOT_COLLECTED("not-collected");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** The name used in reports and rules: {@code collected}, {@code failed}, {@code not-collected}. */
  public String label() {
    return label;
  }
}

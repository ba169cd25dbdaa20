package dev.spdoctor.facts;

import java.time.LocalDate;

/**
 * A dated event from {@code knowledge-base/tables/milestones.yaml}, judged against the as-of date.
 *
 * @param id the milestone id, e.g. {@code spo-legacy-auth-retired}
 * @param date the day it took effect
 * @param passed whether the as-of date is on or after {@code date}
 */
public record Milestone(String id, LocalDate date, boolean passed) {}

package dev.spdoctor.kb;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A dated event the rules compare with the as-of date.
 *
 * @param id kebab-case id
 * @param date the day it took effect
 * @param title what happened
 * @param source the public page that states the date, or null
 */
public record MilestoneDef(String id, LocalDate date, String title, Reference source) implements Serializable {}

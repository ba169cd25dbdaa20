package dev.spdoctor.render;

/** Report formats. */
public enum Format { text, json, markdown }
